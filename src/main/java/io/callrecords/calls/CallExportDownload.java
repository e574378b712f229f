package io.callrecords.calls;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams an export of the list's filters into a response, as a download: for the API ({@link CallExportController})
 * and the call log page. Parameters are checked before the first byte (a bad one is a
 * {@link io.callrecords.shared.ValidationException}); once streaming, a failure can only cut the answer short.
 */
@Component
public class CallExportDownload {

    private static final Logger log = LoggerFactory.getLogger(CallExportDownload.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final CallExport export;
    private final JsonMapper json;
    private final AccountSettingsService settings;

    CallExportDownload(CallExport export, JsonMapper json, AccountSettingsService settings) {
        this.export = export;
        this.json = json;
        this.settings = settings;
    }

    /** Streams the caller's calls (an agent's own only) that match the parameters. */
    public void write(Caller caller, MultiValueMap<String, String> parameters, HttpServletResponse response) {
        long accountId = caller.accountId();
        CallExportQuery query = CallExportQuery.read(parameters);
        response.setContentType(query.format().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"calls." + query.format().wire() + "\"");
        try (ExportWriter writer = writer(query, accountId, new BufferedOutputStream(response.getOutputStream(), BUFFER_BYTES))) {
            export.export(accountId, caller.ownCallsOnly(), query.filter(), query.sort(), writer);
        } catch (UncheckedIOException | IOException e) {
            // the client went away mid-stream: nothing to answer, the transaction has already rolled back
            log.debug("Export of account {} ended early: {}", accountId, e.toString());
        }
    }

    private ExportWriter writer(CallExportQuery query, long accountId, OutputStream out) throws IOException {
        if (query.spreadsheet()) {
            ZoneId zone = Objects.requireNonNullElse(settings.current(accountId).settings().timezone(), ZoneOffset.UTC);
            return new SpreadsheetCsvWriter(out, zone).header();
        }
        return query.format().writer(out, json);
    }
}
