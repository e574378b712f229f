package io.callrecords.calls;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.Caller;
import io.callrecords.shared.CallrecordsProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v3/call-events}: one event, a JSON array, or NDJSON. All or nothing: every bad
 * event is named in one 422, and 202 comes only after the transaction committed.
 */
@RestController
class CallEventsController {

    private final CallIntake intake;
    private final AccountSettingsService settings;
    private final JsonMapper json;
    private final long bodyLimit;

    CallEventsController(CallIntake intake, AccountSettingsService settings, JsonMapper json,
                         CallrecordsProperties properties) {
        this.intake = intake;
        this.settings = settings;
        this.json = json;
        this.bodyLimit = properties.api().bodyLimit().toBytes();
    }

    @PostMapping("/api/v3/call-events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> accept(Caller caller, HttpServletRequest request) throws IOException {
        List<Object> items = RequestBody.items(request.getInputStream(), request.getContentType(), bodyLimit, json, "events");
        EventReader reader = new EventReader(settings.current(caller.accountId()).settings().defaultRegion());
        List<CallEvent> events = RequestBody.readAll(items, "events", reader::read);
        CallLocks.checkBatch(events.stream().map(CallEvent::callUuid).distinct().count(), "events");
        CallIntake.Outcome outcome = Retries.onConflict(() -> intake.accept(caller.accountId(), events));
        return Map.of("data", outcome);
    }
}
