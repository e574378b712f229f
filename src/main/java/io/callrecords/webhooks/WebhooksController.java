package io.callrecords.webhooks;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.PathIds;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v3/webhooks}: the account's subscriptions. Creating, changing, rotating the secret
 * of and deleting one needs the {@code admin} scope (they decide where call data goes and who can
 * sign for it); pausing and resuming need {@code write}; reading needs {@code read}. The secret is
 * in the answers of create and rotate only; a key without {@code read} is answered only the id and status. What the pages do too is done by {@link WebhookAdministration}.
 */
@RestController
@RequestMapping("/api/v3/webhooks")
class WebhooksController {

    private final WebhookAdministration administration;

    WebhooksController(WebhookAdministration administration) {
        this.administration = administration;
    }

    /** {@code {"url", "events": ["call_hangup", ...], "description"?}} → 201 with {@code secret}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @RequestBody Map<String, Object> body) {
        return Map.of("data", administration.create(caller, body));
    }

    @GetMapping
    Map<String, Object> list(Caller caller) {
        return Map.of("data", administration.list(caller));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return Map.of("data", administration.get(caller, PathIds.parse(id)));
    }

    /** Any subset of {@code url}, {@code events}, {@code description} (null clears it). */
    @PatchMapping("/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
        return Map.of("data", administration.update(caller, PathIds.parse(id), body));
    }

    /** Deliveries keep being queued while paused and go out, in order, after {@code resume}. */
    @PostMapping("/{id}/pause")
    Map<String, Object> pause(Caller caller, @PathVariable String id) {
        return Map.of("data", administration.pause(caller, PathIds.parse(id)));
    }

    /** Active again, also after being disabled; its health starts afresh. */
    @PostMapping("/{id}/resume")
    Map<String, Object> resume(Caller caller, @PathVariable String id) {
        return Map.of("data", administration.resume(caller, PathIds.parse(id)));
    }

    /** A new secret (in this answer only); the old one keeps signing beside it for the overlap (24 h). */
    @PostMapping("/{id}/rotate-secret")
    Map<String, Object> rotate(Caller caller, @PathVariable String id) {
        return Map.of("data", administration.rotateSecret(caller, PathIds.parse(id)));
    }

    /** Deletes the subscription with its delivery log; answers it as it was. */
    @DeleteMapping("/{id}")
    Map<String, Object> delete(Caller caller, @PathVariable String id) {
        return Map.of("data", administration.delete(caller, PathIds.parse(id)));
    }
}
