package io.callrecords.reports;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dismisses worklist lines and takes dismissals back. A dismissal is never changed but ended: replacing one ends the
 * old row and adds a new one in the same transaction, so the table is the audit trail of who did what, and when.
 */
@Service
class WorklistDismissals {

    private final Dismissals dismissals;
    private final Clock clock;

    WorklistDismissals(Dismissals dismissals, Clock clock) {
        this.dismissals = dismissals;
        this.clock = clock;
    }

    /** Dismisses the number, replacing its active dismissal if it has one. */
    @Transactional
    void dismiss(Caller caller, String number, DismissalRequest request) {
        Instant now = clock.instant();
        dismissals.lock(caller.accountId(), number);
        dismissals.end(caller.accountId(), number, now, caller);
        dismissals.insert(caller.accountId(), number, request.reason(), request.note(), now, caller);
    }

    /** Ends the number's active dismissal; 404 when it has none. */
    @Transactional
    void undismiss(Caller caller, String number) {
        dismissals.lock(caller.accountId(), number);
        if (!dismissals.end(caller.accountId(), number, clock.instant(), caller)) {
            throw ApiException.notFound();
        }
    }

    List<Dismissal> history(long accountId, String number) {
        return dismissals.history(accountId, number);
    }
}
