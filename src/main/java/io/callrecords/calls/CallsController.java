package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.ValidationException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One call record: {@code GET /api/v3/calls/{uuid}} and the older dated form. */
@RestController
class CallsController {

    private final CallRecords records;

    CallsController(CallRecords records) {
        this.records = records;
    }

    /** {@code date} (the call's UTC start date) is accepted as a hint; the uuid alone finds the call. */
    @GetMapping("/api/v3/calls/{uuid}")
    Map<String, Object> get(Caller caller, @PathVariable String uuid, @RequestParam(required = false) String date) {
        if (date != null) {
            date(date, "date");
        }
        return Map.of("data", records.find(caller.accountId(), uuid(uuid)).orElseThrow(ApiException::notFound));
    }

    @GetMapping("/api/v3/calls/{yyyy}/{mm}/{dd}/{uuid}")
    Map<String, Object> getDated(Caller caller, @PathVariable String yyyy, @PathVariable String mm,
                                 @PathVariable String dd, @PathVariable String uuid) {
        date(yyyy + "-" + mm + "-" + dd, "date");
        return get(caller, uuid, null);
    }

    static UUID uuid(String value) {
        try {
            UUID parsed = UUID.fromString(value);
            if (parsed.toString().equalsIgnoreCase(value)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ValidationException.of("uuid", "is not a UUID");
    }

    private static void date(String value, String field) {
        try {
            LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ValidationException.of(field, "is not a date (YYYY-MM-DD)");
        }
    }
}
