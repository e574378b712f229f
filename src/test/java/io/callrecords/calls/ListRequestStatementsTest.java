package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.OwnApp;
import io.callrecords.support.RequestStatements;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * What one request of the list API costs the database once the service is warm: the statements of the benchmark's
 * request (one week of one account, a page of ten) and nothing that does not depend on the request.
 */
@OwnApp
@Import(RequestStatements.class)
class ListRequestStatementsTest extends AppTestSupport {

    @Autowired
    RequestStatements statements;

    @Test
    void aWarmListRequestRunsOnlyTheStatementsOfItsPage() {
        String key = newAccount("statements");
        Instant monday = Instant.parse("2026-03-02T08:00:00Z");
        for (int i = 0; i < 12; i++) {
            FlowJson call = FlowJson.call(monday.plus(i * 7L, ChronoUnit.HOURS).toString())
                    .inbound("+90532123456" + (i % 10)).at(5_000).hangup("contact");
            assertThat(api.post("/api/v3/call-events", key, call.array()).status()).isEqualTo(202);
        }
        String week = "/api/v3/calls?started_at%5Bgte%5D=" + monday + "&started_at%5Blt%5D="
                + monday.plus(7, ChronoUnit.DAYS) + "&limit=10";
        Api.Response first = api.get(week, key);
        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(first.data().size()).isEqualTo(10);

        statements.clear();
        Api.Response again = api.get(week, key);
        List<String> seen = statements.seen();

        assertThat(again.raw().body()).isEqualTo(first.raw().body());
        System.out.println("Statements of a warm list request (" + seen.size() + "):\n  " + String.join("\n  ", seen));
        assertThat(seen).noneMatch(sql -> sql.contains("api_keys"));
        assertThat(seen).noneMatch(sql -> sql.contains("accounts"));
        assertThat(seen).as("the page, its count, its media").hasSize(3);
    }

    @Test
    void aWarmReadOfTheAccountsSettingsRunsNoStatement() {
        String key = newAccount("settings statements");
        Api.Response first = api.get("/api/v3/account/settings", key);
        assertThat(first.status()).isEqualTo(200);

        statements.clear();
        Api.Response again = api.get("/api/v3/account/settings", key);

        assertThat(again.raw().body()).isEqualTo(first.raw().body());
        assertThat(statements.seen()).isEmpty();
    }
}
