package io.callrecords.accounts;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v3/api-keys}: create (the secret is in that response only), list, revoke.
 * Managing keys needs the {@code admin} scope, and a key can only hand out scopes it has;
 * the rules are {@link ApiKeyAdministration}'s, which the pages use too.
 */
@RestController
@RequestMapping("/api/v3/api-keys")
class ApiKeysController {

    private final ApiKeyAdministration administration;

    ApiKeysController(ApiKeyAdministration administration) {
        this.administration = administration;
    }

    /** {@code {"name", "scopes"?: ["read", "write", "admin"] (default read, write), "expires_at"?}}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @RequestBody Map<String, Object> body) {
        return Map.of("data", administration.create(caller, body));
    }

    @GetMapping
    Map<String, Object> list(Caller caller) {
        return Map.of("data", administration.list(caller));
    }

    @DeleteMapping("/{id}")
    Map<String, Object> revoke(Caller caller, @PathVariable long id) {
        return Map.of("data", administration.revoke(caller, id));
    }
}
