package io.callrecords.web;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.calls.CallComments;
import io.callrecords.calls.CallDispositions;
import io.callrecords.calls.CallTags;
import io.callrecords.calls.Dispositions;
import io.callrecords.calls.Tags;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads the notes section of a call's page, as the signed-in person may see it (another agent's call is 404). */
@Component
class CallNotesSection {

    /** The oldest comments shown on the page; the API lists them all. */
    static final int SHOWN_COMMENTS = 100;

    private final CallComments comments;
    private final CallTags callTags;
    private final Tags tags;
    private final CallDispositions callDispositions;
    private final Dispositions dispositions;
    private final PageModel pages;

    CallNotesSection(CallComments comments, CallTags callTags, Tags tags, CallDispositions callDispositions,
                     Dispositions dispositions, PageModel pages) {
        this.comments = comments;
        this.callTags = callTags;
        this.tags = tags;
        this.callDispositions = callDispositions;
        this.dispositions = dispositions;
        this.pages = pages;
    }

    CallNotesView view(PageSession session, UUID call) {
        Caller caller = session.caller();
        return CallNotesView.of(call, caller.scopes().contains(Scope.WRITE),
                comments.list(caller, call, SHOWN_COMMENTS, 0, false).items(), callTags.of(caller, call),
                tags.all(caller.accountId()), callDispositions.of(caller, call), dispositions.all(caller.accountId()),
                pages.zone(session));
    }
}
