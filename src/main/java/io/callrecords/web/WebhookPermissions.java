package io.callrecords.web;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import java.util.Set;
import org.springframework.ui.Model;

/**
 * What the webhooks pages offer a session, by the scopes the API asks for: {@code canWrite} to pause, resume,
 * resend, recover and send a test event; {@code canAdmin} (write and admin) to add, change, rotate and delete; and the
 * session's scopes in words for the notice that says why something is not offered.
 */
final class WebhookPermissions {

    private WebhookPermissions() {}

    static void addTo(Model model, Caller caller) {
        // a person needs the admin role for webhooks at all (ADR 0022); a key its scopes
        boolean person = caller.userId() != null;
        model.addAttribute("canWrite", caller.scopes().contains(Scope.WRITE)
                && (!person || caller.scopes().contains(Scope.ADMIN)));
        model.addAttribute("canAdmin", caller.scopes().containsAll(Set.of(Scope.WRITE, Scope.ADMIN)));
        model.addAttribute("scopes", Scopes.of(caller));
    }
}
