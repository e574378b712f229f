package io.callrecords.calls;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a list filter's disposition codes into the account's ids of them before the list's statement is built: with
 * the ids as values, PostgreSQL estimates a rare code as rare and goes from the code's calls (index
 * {@code call_dispositions_disposition}) instead of walking the account's calls by time. A code the account does not
 * have matches nothing.
 */
@Component
class DispositionCodes {

    private final JdbcClient jdbc;

    DispositionCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CallFilter resolve(long accountId, CallFilter filter) {
        if (filter.dispositionCodes() == null || filter.dispositionIds() != null) {
            return filter;
        }
        Set<Long> ids = filter.dispositionCodes().isEmpty() ? Set.of()
                : new HashSet<>(jdbc.sql("SELECT id FROM dispositions WHERE account_id = :account AND code IN (:codes)")
                        .param("account", accountId).param("codes", filter.dispositionCodes())
                        .query(Long.class).list());
        return filter.withDispositionIds(ids);
    }
}
