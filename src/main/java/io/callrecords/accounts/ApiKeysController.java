package io.callrecords.accounts;

import io.callrecords.shared.Data;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
@Tag(name = AccountsApiTypes.TAG, description = AccountsApiTypes.TAG_DESCRIPTION)
class ApiKeysController {

    private final ApiKeyAdministration administration;

    ApiKeysController(ApiKeyAdministration administration) {
        this.administration = administration;
    }

    /** {@code {"name", "scopes"?: ["read", "write", "admin"] (default read, write), "expires_at"?, "user_id"?}}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApiKey", summary = "Create an API key", description = "Needs the write and admin"
            + " scopes; the answer carries the secret, which is never shown again. With user_id the key is that"
            + " person's own: it acts as them, with no more than their role allows.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AccountsApiTypes.ApiKeyRequest.class),
            examples = @ExampleObject(value = "{\"name\": \"CRM sync\", \"scopes\": [\"read\"]}")))
    @ApiResponse(responseCode = "201", description = "The key and its secret")
    Data<ApiKeyView.New> create(Caller caller, @RequestBody Map<String, Object> body) {
        return Data.of(administration.create(caller, body));
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", summary = "List the account's API keys", description = "Needs the admin scope.")
    @ApiResponse(responseCode = "200", description = "The keys, without secrets")
    Data<List<ApiKeyView>> list(Caller caller) {
        return Data.of(administration.list(caller));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key", description = "Needs the write and admin"
            + " scopes; revoking again keeps the first time.")
    @ApiResponse(responseCode = "200", description = "The key, revoked")
    Data<ApiKeyView> revoke(Caller caller, @Parameter(example = "12") @PathVariable long id) {
        return Data.of(administration.revoke(caller, id));
    }
}
