package io.callrecords.calls;

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

    CallRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.view = new CallRecordView(json);
    }

    /** The record of a call of the account, as the API serves it; empty for unknown or other accounts' calls. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> find(long accountId, UUID uuid) {
        return jdbc.sql("SELECT " + CallRecordView.COLUMNS + " FROM call_records WHERE account_id = :account AND uuid = :uuid")
                .param("account", accountId)
                .param("uuid", uuid)
                .query(view)
                .optional();
    }
}
