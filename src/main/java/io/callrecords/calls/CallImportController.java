package io.callrecords.calls;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.Caller;
import io.callrecords.shared.CallrecordsProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v3/calls/import}: finished records as a JSON array or NDJSON, all or nothing. */
@RestController
class CallImportController {

    private final CallImport callImport;
    private final AccountSettingsService settings;
    private final JsonMapper json;
    private final long bodyLimit;

    CallImportController(CallImport callImport, AccountSettingsService settings, JsonMapper json,
                         CallrecordsProperties properties) {
        this.callImport = callImport;
        this.settings = settings;
        this.json = json;
        this.bodyLimit = properties.api().bodyLimit().toBytes();
    }

    @PostMapping("/api/v3/calls/import")
    Map<String, Object> importRecords(Caller caller, HttpServletRequest request) throws IOException {
        List<Object> items = RequestBody.items(request.getInputStream(), request.getContentType(), bodyLimit, json, "records");
        RecordReader reader = new RecordReader(settings.current(caller.accountId()).settings().defaultRegion());
        List<ImportedRecord> records = RequestBody.readAll(items, "records", reader::read);
        CallLocks.checkBatch(records.stream().map(r -> r.record().uuid()).distinct().count(), "records");
        return Map.of("data", Retries.onConflict(() -> callImport.importRecords(caller.accountId(), records)));
    }
}
