package io.callrecords.calls;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.Caller;
import io.callrecords.shared.CallrecordsProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the telephony platform (or another system) writes: call-flow events, and finished records
 * to import. Each takes one object, a JSON array or NDJSON, all or nothing: every bad item is
 * named in one 422, and the answer comes only after the transaction committed.
 */
@RestController
class CallIntakeController {

    private final GroupedIntake intake;
    private final CallImport callImport;
    private final AccountSettingsService settings;
    private final JsonMapper json;
    private final long bodyLimit;
    private final Duration maxClockSkew;
    private final Clock clock;

    CallIntakeController(GroupedIntake intake, CallImport callImport, AccountSettingsService settings, JsonMapper json,
                         CallrecordsProperties properties, Clock clock) {
        this.intake = intake;
        this.callImport = callImport;
        this.settings = settings;
        this.json = json;
        this.bodyLimit = properties.api().bodyLimit().toBytes();
        this.maxClockSkew = properties.api().maxClockSkew();
        this.clock = clock;
    }

    @PostMapping("/api/v3/call-events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> acceptEvents(Caller caller, HttpServletRequest request) throws IOException {
        List<Object> items = RequestBody.items(request.getInputStream(), request.getContentType(), bodyLimit, json, "events");
        EventReader reader = new EventReader(defaultRegion(caller), skew());
        List<CallEvent> events = RequestBody.readAll(items, "events", reader::read);
        CallLocks.checkBatch(events.stream().map(CallEvent::callUuid).distinct().count(), "events");
        return Map.of("data", intake.accept(caller.accountId(), events));
    }

    @PostMapping("/api/v3/calls/import")
    Map<String, Object> importRecords(Caller caller, HttpServletRequest request) throws IOException {
        List<Object> items = RequestBody.items(request.getInputStream(), request.getContentType(), bodyLimit, json, "records");
        RecordReader reader = new RecordReader(defaultRegion(caller), skew());
        List<ImportedRecord> records = RequestBody.readAll(items, "records", reader::read);
        CallLocks.checkBatch(records.stream().map(r -> r.record().uuid()).distinct().count(), "records");
        return Map.of("data", Retries.onConflict(() -> callImport.importRecords(caller.accountId(), records)));
    }

    private ClockSkew skew() {
        return new ClockSkew(clock.instant(), maxClockSkew);
    }

    /** National numbers are read with the region in force now: a region names how people dial, not a call's rules. */
    private String defaultRegion(Caller caller) {
        return settings.current(caller.accountId()).settings().defaultRegion();
    }
}
