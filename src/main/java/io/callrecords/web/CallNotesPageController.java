package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.calls.CallComments;
import io.callrecords.calls.CallDispositions;
import io.callrecords.calls.CallTags;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.PathUuids;
import io.callrecords.shared.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notes section of the call detail: comments, tags and the disposition, shown with the page and changed by its
 * forms as the signed-in person. htmx sends a form and swaps in the section it answers (the problems next to their
 * fields); without htmx a form post comes back to the page, or shows it again with the problems (422).
 */
@Controller
class CallNotesPageController {

    private static final String READ_ONLY = "You can read this call's notes but not change them: that needs the write"
            + " scope.";

    private final CallComments comments;
    private final CallTags callTags;
    private final CallDispositions callDispositions;
    private final CallNotesSection section;
    private final CallDetailController detail;

    CallNotesPageController(CallComments comments, CallTags callTags, CallDispositions callDispositions,
                            CallNotesSection section, CallDetailController detail) {
        this.comments = comments;
        this.callTags = callTags;
        this.callDispositions = callDispositions;
        this.section = section;
        this.detail = detail;
    }

    @PostMapping("/calls/{uuid}/comments")
    String comment(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String uuid,
                   @RequestParam Map<String, String> form, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        UUID call = parse(uuid);
        return change(session, call, model, request, response, Set.of("content"), Map.of("content",
                form.getOrDefault("content", "")), () -> comments.add(session.caller(), call, form.get("content")));
    }

    @PostMapping("/calls/{uuid}/tags")
    String tag(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String uuid,
               @RequestParam Map<String, String> form, Model model, HttpServletRequest request,
               HttpServletResponse response) {
        UUID call = parse(uuid);
        return change(session, call, model, request, response, Set.of("tag_id"), Map.of(),
                () -> callTags.add(session.caller(), call, whole(form.get("tag_id"))));
    }

    @PostMapping("/calls/{uuid}/tags/{tagId}/remove")
    String untag(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String uuid,
                 @PathVariable String tagId, Model model, HttpServletRequest request, HttpServletResponse response) {
        UUID call = parse(uuid);
        Object id = whole(tagId);
        if (!(id instanceof Long tag)) {
            throw ApiException.notFound();
        }
        return change(session, call, model, request, response, Set.of(), Map.of(),
                () -> callTags.remove(session.caller(), call, tag));
    }

    /** {@code disposition_id}: one of the account's codes, or empty to clear the call's. */
    @PostMapping("/calls/{uuid}/disposition")
    String disposition(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String uuid,
                       @RequestParam Map<String, String> form, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        UUID call = parse(uuid);
        String chosen = form.getOrDefault("disposition_id", "");
        return change(session, call, model, request, response, Set.of("disposition_id"), Map.of(), () -> {
            if (chosen.isBlank()) {
                callDispositions.clear(session.caller(), call);
            } else {
                callDispositions.set(session.caller(), call, Map.of("disposition_id", whole(chosen)));
            }
        });
    }

    /**
     * Makes a change and answers the section (htmx) or the page; problems go next to their fields, and what was typed
     * ({@code typed}) stays in the form.
     */
    private String change(PageSession session, UUID call, Model model, HttpServletRequest request,
                          HttpServletResponse response, Set<String> fields, Map<String, String> typed, Runnable change) {
        boolean htmx = request.getHeader("HX-Request") != null;
        if (!session.caller().scopes().contains(Scope.WRITE)) {
            model.addAttribute("noteErrors", FormErrors.general(READ_ONLY));
            response.setStatus(htmx ? 200 : HttpServletResponse.SC_FORBIDDEN);
        } else {
            try {
                change.run();
                if (!htmx) {
                    return "redirect:/calls/" + call + "#notes";
                }
            } catch (ValidationException e) {
                model.addAttribute("noteErrors", FormErrors.of(e, fields));
                model.addAttribute("typed", typed);
                response.setStatus(htmx ? 200 : 422); // htmx swaps only a 2xx answer in
            }
        }
        if (htmx) {
            model.addAttribute("notes", section.view(session, call));
            return "call :: notes";
        }
        return detail.page(session, call, model);
    }

    /** A form's id as the API's body would carry it: a number, or the text as typed for the API to name. */
    private static Object whole(String value) {
        try {
            return value == null ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static UUID parse(String uuid) {
        try {
            return PathUuids.parse(uuid);
        } catch (ValidationException e) {
            throw ApiException.notFound();
        }
    }

}
