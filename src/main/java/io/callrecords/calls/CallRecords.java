package io.callrecords.calls;

import io.callrecords.media.MediaLinks;
import io.callrecords.media.MediaUrls;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads call records in their wire shape; other modules (webhooks, pages) use it too. */
@Service
public class CallRecords {

    private final JdbcClient jdbc;
    private final CallRecordView view;
    private final MediaLinks mediaLinks;

    CallRecords(JdbcClient jdbc, JsonMapper json, MediaLinks mediaLinks) {
        this.jdbc = jdbc;
        this.view = new CallRecordView(json);
        this.mediaLinks = mediaLinks;
    }

    /** The record of a call of the account, as the API serves it; empty for unknown or other accounts' calls. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> find(long accountId, UUID uuid) {
        return jdbc.sql("SELECT " + CallRecordView.COLUMNS + " FROM call_records WHERE account_id = :account AND uuid = :uuid")
                .param("account", accountId)
                .param("uuid", uuid)
                .query(view)
                .optional()
                .map(record -> withMedia(record, mediaLinks.forCall(accountId, uuid)));
    }

    /** Fills {@code record_url} and {@code voicemail_url} with links signed now (valid 4 hours from this read). */
    static Map<String, Object> withMedia(Map<String, Object> record, MediaUrls urls) {
        record.put("record_url", urls.recordUrl());
        record.put("voicemail_url", urls.voicemailUrl());
        return record;
    }
}
