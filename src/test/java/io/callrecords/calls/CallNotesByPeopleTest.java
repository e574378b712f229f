package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Role;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notes written by people (a caller with a user id): the author is kept and named from the directory, a deleted
 * user keeps their name, and an agent writes on and reads only their own calls (as answering or calling user).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallNotesByPeopleTest extends AppTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CallComments comments;
    @Autowired
    CallTags callTags;
    @Autowired
    CallDispositions dispositions;

    private long account;
    private UUID answeredByAyse;
    private UUID calledByAyse;
    private UUID answeredByMehmet;

    @BeforeAll
    void calls() {
        String key = newAccount("notes-people");
        answeredByAyse = send(key, FlowJson.call("2026-03-26T09:00:00Z").inbound("+905321110100").at(2_000)
                .bridge(11).at(30_000).hangup("contact"));
        calledByAyse = send(key, FlowJson.call("2026-03-26T10:00:00Z").outbound(11, "+905321110101").at(30_000)
                .hangup("user"));
        answeredByMehmet = send(key, FlowJson.call("2026-03-26T11:00:00Z").inbound("+905321110102").at(2_000)
                .bridge(12).at(30_000).hangup("contact"));
        account = jdbc.sql("SELECT account_id FROM call_records WHERE uuid = :uuid").param("uuid", answeredByAyse)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO users (account_id, id, name) VALUES (:a, 11, 'Ayşe Yılmaz'), (:a, 12, 'Mehmet Demir')")
                .param("a", account).update();
        jdbc.sql("INSERT INTO users (account_id, id, name, deleted_at) VALUES (:a, 13, 'Can Öz', now())")
                .param("a", account).update();
    }

    @Test
    void aCommentNamesItsAuthorAlsoWhenTheyAreDeletedOrUnknown() {
        comments.add(person(11, Role.SUPERVISOR), answeredByMehmet, "Checked by Ayşe");
        comments.add(person(13, Role.SUPERVISOR), answeredByMehmet, "Checked by Can");
        comments.add(person(99, Role.SUPERVISOR), answeredByMehmet, "Checked by someone the directory lacks");
        List<CallComments.Comment> written = comments.list(person(12, Role.SUPERVISOR), answeredByMehmet, 10, 0, false)
                .items();
        assertThat(written).extracting(CallComments.Comment::userId).containsExactly(11L, 13L, 99L);
        assertThat(written).extracting(CallComments.Comment::userName)
                .containsExactly("Ayşe Yılmaz", "Can Öz (deleted)", null);
    }

    @Test
    void anAgentWritesOnAndReadsOnlyTheirOwnCalls() {
        Caller ayse = person(11, Role.AGENT);
        assertThat(comments.add(ayse, answeredByAyse, "mine: answered").userName()).isEqualTo("Ayşe Yılmaz");
        assertThat(comments.add(ayse, calledByAyse, "mine: I called").content()).isEqualTo("mine: I called");
        assertThat(comments.list(ayse, calledByAyse, 10, 0, false).count()).isEqualTo(1);

        assertNotFound(() -> comments.add(ayse, answeredByMehmet, "not mine"));
        assertNotFound(() -> comments.list(ayse, answeredByMehmet, 10, 0, false));
        assertNotFound(() -> callTags.of(ayse, answeredByMehmet));
        assertNotFound(() -> dispositions.of(ayse, answeredByMehmet));
        assertNotFound(() -> dispositions.clear(ayse, answeredByMehmet));
        assertThat(comments.list(person(12, Role.SUPERVISOR), answeredByMehmet, 100, 0, false).items())
                .extracting(CallComments.Comment::content).doesNotContain("not mine");
    }

    @Test
    void aDispositionRemembersWhoSetIt() {
        jdbc.sql("INSERT INTO dispositions (account_id, code, name) VALUES (:a, 'callback', 'Call back')")
                .param("a", account).update();
        CallDispositions.Given given = dispositions.set(person(11, Role.AGENT), calledByAyse,
                Map.of("disposition_code", "callback"));
        assertThat(given.userId()).isEqualTo(11L);
        assertThat(given.userName()).isEqualTo("Ayşe Yılmaz");
        assertThat(dispositions.of(person(12, Role.ADMIN), calledByAyse).orElseThrow().disposition().name())
                .isEqualTo("Call back");
    }

    private Caller person(long userId, Role role) {
        return new Caller(account, null, EnumSet.of(Scope.READ, Scope.WRITE), userId, role);
    }

    private static void assertNotFound(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    private UUID send(String key, FlowJson call) {
        Api.Response sent = api.post("/api/v3/call-events", key, call.array());
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        return call.uuid();
    }
}
