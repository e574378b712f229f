package io.callrecords.media;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.OwnCalls;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a caller may touch a call's audio. Anyone of the account may, even before the call exists (audio may come
 * first); an agent only on their own calls (ADR 0022), which must therefore exist: any other call is 404 to them,
 * as the call itself is.
 */
@Component
class MediaCallAccess {

    private final JdbcClient jdbc;

    MediaCallAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void require(Caller caller, UUID call) {
        Long ownUser = caller.ownCallsOnly();
        if (ownUser == null) {
            return;
        }
        boolean own = jdbc.sql("SELECT EXISTS (SELECT 1 FROM call_records r WHERE r.account_id = :account"
                        + " AND r.uuid = :uuid AND " + OwnCalls.of("r") + ")")
                .param("account", caller.accountId()).param("uuid", call).param(OwnCalls.PARAMETER, ownUser)
                .query(Boolean.class).single();
        if (!own) {
            throw ApiException.notFound();
        }
    }
}
