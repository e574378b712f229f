package io.callrecords.reports;

import io.callrecords.accounts.AccountSettings;
import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * The missed-call worklist for the pages: the same lines, rules and messages as {@code /api/v3/missed-calls} (a bad
 * parameter or body is a {@link io.callrecords.shared.ValidationException} naming it; a number that never missed a
 * call of the account is a 404 {@link ApiException}), so that the page and the API cannot drift apart.
 */
@Service
public class MissedCallsWorklist {

    /**
     * One page of lines, each as the API answers it.
     *
     * @param count      the number of all lines that match
     * @param nextCursor the {@code cursor} of the next page; null after the last
     * @param from       start of the period the lines were read over
     * @param to         its end, exclusive
     */
    public record Page(List<WorklistLineView> lines, long count, String nextCursor, Instant from, Instant to) {}

    private final Worklist worklist;
    private final WorklistDismissals dismissals;
    private final LineNumbers numbers;
    private final AccountSettingsService settings;
    private final Clock clock;

    MissedCallsWorklist(Worklist worklist, WorklistDismissals dismissals, LineNumbers numbers,
                        AccountSettingsService settings, Clock clock) {
        this.worklist = worklist;
        this.dismissals = dismissals;
        this.numbers = numbers;
        this.settings = settings;
        this.clock = clock;
    }

    /** A page of the account's worklist, read with the list API's parameters (status, from, to, reason, ...). */
    public Page page(Caller caller, MultiValueMap<String, String> parameters) {
        long accountId = caller.accountId();
        WorklistRequest request = WorklistRequest.read(parameters, account(accountId).timezone(), clock.instant());
        Worklist.Page page = worklist.page(accountId, caller.ownCallsOnly(), request);
        return new Page(WorklistDocument.lines(page), page.count(),
                page.next() == null ? null : page.next().encode(), request.period().from(), request.period().to());
    }

    /**
     * Dismisses the number's line as the caller's API key, with the API's rules for reason and note (a blank note is
     * none; {@code other} needs one). Returns the number as stored (E.164).
     */
    public String dismiss(Caller caller, String number, String reason, String note) {
        caller.require(Scope.WRITE);
        String line = line(caller, number);
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        body.put("note", note);
        dismissals.dismiss(caller, line, DismissalRequest.read(body));
        return line;
    }

    /** Ends the number's active dismissal as the caller's API key; false when it had none (taken back already). */
    public boolean undismiss(Caller caller, String number) {
        caller.require(Scope.WRITE);
        String line = line(caller, number);
        try {
            dismissals.undismiss(caller, line);
            return true;
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) { // the number is known (checked above): it had no dismissal
                return false;
            }
            throw e;
        }
    }

    private String line(Caller caller, String number) {
        return numbers.require(caller, number, account(caller.accountId()).defaultRegion());
    }

    private AccountSettings account(long accountId) {
        return settings.current(accountId).settings();
    }
}
