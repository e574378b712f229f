package io.callrecords.reports;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.PhoneNumbers;
import org.springframework.stereotype.Component;

/**
 * The caller number in a worklist path ({@code /api/v3/missed-calls/{number}/...}): E.164, URL-encoded
 * ({@code %2B905321234567}), or national in the account's default region. A number that is malformed or never
 * missed a call of the worklist names no line: 404, as an unknown id does elsewhere.
 */
@Component
class LineNumbers {

    private final Worklist worklist;

    LineNumbers(Worklist worklist) {
        this.worklist = worklist;
    }

    /** The number of a line the caller may see (for an agent, a line of their own missed calls), else 404. */
    String require(Caller caller, String pathNumber, String defaultRegion) {
        String number = switch (PhoneNumbers.normalise(pathNumber, defaultRegion)) {
            case PhoneNumbers.E164 e164 -> e164.number();
            case PhoneNumbers.Extension extension -> extension.number();
            case PhoneNumbers.Malformed malformed -> throw ApiException.notFound();
        };
        if (!worklist.hasMissedCalls(caller.accountId(), caller.ownCallsOnly(), number)) {
            throw ApiException.notFound();
        }
        return number;
    }
}
