package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What people write on calls over HTTP (directory.md): comments, the account's tags and disposition codes, a call's
 * tags and disposition; validation naming each field, another account's call or tag, scopes, idempotency, the
 * {@code call_updated} outbox rows written with each change, and the calls list's filters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallNotesApiTest extends AppTestSupport {

    @Autowired
    JdbcClient jdbc;

    private String key;
    private String otherKey;
    private UUID ended;
    private UUID live;
    private UUID otherCall;

    @BeforeAll
    void calls() {
        key = newAccount("notes");
        otherKey = newAccount("notes-other");
        ended = send(key, FlowJson.call("2026-03-26T09:31:32Z").inbound("+905321110000").at(30_000).hangup("contact"));
        live = send(key, FlowJson.call("2026-03-26T10:00:00Z").inbound("+905321110001"));
        otherCall = send(otherKey, FlowJson.call("2026-03-26T09:31:32Z").inbound("+905321110002").at(9_000).hangup("contact"));
    }

    @Test
    void aCommentIsWrittenAndListedInHipcallsShape() {
        UUID call = send(key, FlowJson.call("2026-03-20T08:00:00Z").inbound("+905321110010").at(5_000).hangup("contact"));
        Api.Response created = api.post(comments(call), key, "{\"content\": \"  Asked for a quote.  \"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode data = created.data();
        assertThat(data.propertyNames()).containsExactly("resource_type", "id", "user", "content", "created_at",
                "updated_at");
        assertThat(data.path("resource_type").asString()).isEqualTo("comment");
        assertThat(data.path("user").isNull()).as("an account key has no author").isTrue();
        assertThat(data.path("content").asString()).isEqualTo("Asked for a quote.");
        assertThat(data.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        api.post(comments(call), key, "{\"content\": \"second\"}");
        api.post(comments(call), key, "{\"content\": \"third\"}");
        Api.Response all = api.get(comments(call), key);
        assertThat(contents(all)).containsExactly("Asked for a quote.", "second", "third");
        assertThat(all.body().path("meta").toString()).isEqualTo("{\"count\":3,\"offset\":0,\"limit\":10}");
        Api.Response page = api.get(comments(call) + "?limit=1&offset=1&sort=created_at.desc", key);
        assertThat(contents(page)).containsExactly("second");
        assertThat(page.body().path("meta").toString()).isEqualTo("{\"count\":3,\"offset\":1,\"limit\":1}");
        assertThat(api.get(comments(call) + "?sort=id", key).body().path("errors").has("sort")).isTrue();
        assertThat(api.get(comments(call) + "?page=2", key).body().path("errors").has("page")).isTrue();
    }

    /**
     * The requests Hipcall's PHP SDK makes (Calls::createComment and ::listComments): Guzzle with base URI
     * {@code .../api/v3/}, {@code Accept: application/json}, the body as JSON, the list's query string as given.
     */
    @Test
    void hipcallsSdkCommentsOnACallByChangingOnlyTheBaseUrl() {
        UUID call = send(key, FlowJson.call("2026-03-19T08:00:00Z").inbound("+905321110011").at(5_000).hangup("contact"));
        Api.Response created = api.send(api.request("/api/v3/" + "calls/" + call + "/comments", key)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"**bla** bold\"}")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("content").asString()).isEqualTo("**bla** bold");
        Api.Response listed = api.send(api.request("/api/v3/" + "calls/" + call + "/comments" + "?" + "limit=10&offset=0",
                key).header("Accept", "application/json").GET());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.data().path(0).path("id").asLong()).isEqualTo(created.data().path("id").asLong());
    }

    @Test
    void aCommentMustHaveSensibleContent() {
        for (String body : List.of("{}", "{\"content\": \"   \"}", "{\"content\": 5}", "{\"content\": null}",
                "{\"content\": \"" + "x".repeat(5_001) + "\"}")) {
            Api.Response refused = api.post(comments(ended), key, body);
            assertThat(refused.status()).as(body).isEqualTo(422);
            assertThat(refused.body().path("errors").propertyNames()).as(body).containsExactly("content");
        }
        Api.Response nul = api.post(comments(ended), key, "{\"content\": \"a\\u0000b\"}");
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.raw().body()).contains("content").contains("NUL");
        assertThat(api.post(comments(ended), key, "{\"content\": \"" + "x".repeat(5_000) + "\"}").status()).isEqualTo(201);
    }

    @Test
    void anotherAccountsCallOrAnUnknownOneIsNotFound() {
        for (UUID call : List.of(otherCall, UUID.randomUUID())) {
            assertThat(api.post(comments(call), key, "{\"content\": \"x\"}").status()).isEqualTo(404);
            assertThat(api.get(comments(call), key).status()).isEqualTo(404);
            assertThat(api.get(path(call, "/tags"), key).status()).isEqualTo(404);
            assertThat(api.get(path(call, "/disposition"), key).status()).isEqualTo(404);
            assertThat(put(path(call, "/disposition"), key, "{\"disposition_code\": \"x\"}").status()).isIn(404, 422);
            assertThat(api.send(api.request(path(call, "/disposition"), key).DELETE()).status()).isEqualTo(404);
        }
        assertThat(api.get("/api/v3/calls/not-a-uuid/comments", key).status()).isEqualTo(422);
        assertThat(count("SELECT count(*) FROM call_comments WHERE call_uuid = :call", otherCall)).isZero();
    }

    @Test
    void theAccountsTagsAreNamedOnceWhateverTheCase() {
        Api.Response created = api.post("/api/v3/tags", key, "{\"name\": \"Urgent\", \"color\": \"#B91C1C\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.data().propertyNames()).containsExactly("resource_type", "id", "name", "color",
                "description", "created_at", "updated_at");
        assertThat(created.data().path("color").asString()).isEqualTo("#b91c1c");
        String id = created.data().path("id").asString();

        assertThat(api.post("/api/v3/tags", key, "{\"name\": \"URGENT\"}").body().path("errors").propertyNames())
                .containsExactly("name");
        assertThat(api.post("/api/v3/tags", otherKey, "{\"name\": \"urgent\"}").status()).as("per account").isEqualTo(201);
        Api.Response bad = api.post("/api/v3/tags", key, "{\"name\": \"\", \"color\": \"red\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").propertyNames()).containsExactlyInAnyOrder("name", "color");

        Api.Response changed = put("/api/v3/tags/" + id, key, "{\"description\": \"Call back today\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.data().path("name").asString()).isEqualTo("Urgent");
        assertThat(changed.data().path("description").asString()).isEqualTo("Call back today");
        assertThat(api.get("/api/v3/tags/" + id, key).data().path("description").asString()).isEqualTo("Call back today");
        assertThat(api.get("/api/v3/tags/" + id, otherKey).status()).isEqualTo(404);
        assertThat(put("/api/v3/tags/" + id, otherKey, "{\"name\": \"mine\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v3/tags/" + id, otherKey).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/tags?limit=100", key).data().findValuesAsString("name")).contains("Urgent");
    }

    @Test
    void changingTheAccountsListsNeedsTheAdminScope() {
        String writer = newKey(key, "[\"read\", \"write\"]")[1];
        String reader = newKey(key, "[\"read\"]")[1];
        assertThat(api.post("/api/v3/tags", writer, "{\"name\": \"w\"}").status()).isEqualTo(403);
        assertThat(api.post("/api/v3/dispositions", writer, "{\"code\": \"w\", \"name\": \"W\"}").status()).isEqualTo(403);
        long tag = tag(key, "scoped");
        assertThat(put("/api/v3/tags/" + tag, writer, "{\"name\": \"w\"}").status()).isEqualTo(403);
        assertThat(api.delete("/api/v3/tags/" + tag, writer).status()).isEqualTo(403);
        assertThat(api.get("/api/v3/tags", reader).status()).isEqualTo(200);

        // writing on a call needs write, reading needs read
        assertThat(api.post(path(ended, "/tags"), writer, "{\"tag_id\": " + tag + "}").status()).isIn(200, 201);
        assertThat(api.post(comments(ended), writer, "{\"content\": \"by a writer\"}").status()).isEqualTo(201);
        assertThat(api.post(comments(ended), reader, "{\"content\": \"x\"}").status()).isEqualTo(403);
        assertThat(api.post(path(ended, "/tags"), reader, "{\"tag_id\": " + tag + "}").status()).isEqualTo(403);
        assertThat(api.get(comments(ended), reader).status()).isEqualTo(200);
    }

    @Test
    void aCallsTagsAreAddedOnceAndRemoved() {
        UUID call = send(key, FlowJson.call("2026-03-21T08:00:00Z").inbound("+905321110020").at(5_000).hangup("contact"));
        long vip = tag(key, "VIP");
        long otherAccounts = tag(otherKey, "VIP");

        Api.Response added = api.post(path(call, "/tags"), key, "{\"tag_id\": " + vip + "}");
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        assertThat(added.data().findValuesAsString("name")).containsExactly("VIP");
        Api.Response again = api.post(path(call, "/tags"), key, "{\"tag_id\": " + vip + "}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().size()).isEqualTo(1);

        for (String body : List.of("{\"tag_id\": " + otherAccounts + "}", "{\"tag_id\": 999999999}", "{}",
                "{\"tag_id\": \"VIP\"}", "{\"tag_id\": -1}")) {
            Api.Response refused = api.post(path(call, "/tags"), key, body);
            assertThat(refused.status()).as(body).isEqualTo(422);
            assertThat(refused.body().path("errors").propertyNames()).as(body).containsExactly("tag_id");
        }
        assertThat(api.get(path(call, "/tags"), key).data().findValuesAsString("id")).containsExactly(Long.toString(vip));

        assertThat(api.delete(path(call, "/tags/" + otherAccounts), key).status()).isEqualTo(404);
        assertThat(api.delete(path(call, "/tags/" + vip), key).status()).isEqualTo(204);
        assertThat(api.delete(path(call, "/tags/" + vip), key).status()).as("already off").isEqualTo(204);
        assertThat(api.get(path(call, "/tags"), key).data().size()).isZero();

        // a tag removed from the account leaves the calls that had it
        api.post(path(call, "/tags"), key, "{\"tag_id\": " + vip + "}");
        Api.Response deleted = api.delete("/api/v3/tags/" + vip, key);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("name").asString()).isEqualTo("VIP");
        assertThat(api.get(path(call, "/tags"), key).data().size()).isZero();
        assertThat(api.get("/api/v3/tags/" + vip, key).status()).isEqualTo(404);
    }

    @Test
    void aCallsDispositionIsSetByCodeOrIdAndCleared() {
        UUID call = send(key, FlowJson.call("2026-03-22T08:00:00Z").inbound("+905321110030").at(5_000).hangup("contact"));
        Api.Response sale = api.post("/api/v3/dispositions", key, "{\"code\": \"sale\", \"name\": \"Sale closed\"}");
        assertThat(sale.status()).as(sale.raw().body()).isEqualTo(201);
        assertThat(sale.data().propertyNames()).containsExactly("resource_type", "id", "code", "name", "created_at",
                "updated_at");
        long saleId = sale.data().path("id").asLong();
        long noInterest = disposition(key, "no_interest");
        long otherAccounts = disposition(otherKey, "sale");
        assertThat(api.post("/api/v3/dispositions", key, "{\"code\": \"sale\", \"name\": \"Again\"}").body()
                .path("errors").propertyNames()).containsExactly("code");
        assertThat(api.post("/api/v3/dispositions", key, "{\"code\": \"a,b\", \"name\": \"\"}").body()
                .path("errors").propertyNames()).containsExactlyInAnyOrder("code", "name");

        assertThat(api.get(path(call, "/disposition"), key).raw().body()).isEqualTo("{\"data\":null}");
        Api.Response set = put(path(call, "/disposition"), key, "{\"disposition_code\": \"sale\"}");
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        assertThat(set.data().propertyNames()).containsExactly("id", "code", "name", "user", "set_at");
        assertThat(set.data().path("id").asLong()).isEqualTo(saleId);
        assertThat(set.data().path("user").isNull()).isTrue();
        assertThat(put(path(call, "/disposition"), key, "{\"disposition_id\": " + noInterest + "}").data()
                .path("code").asString()).isEqualTo("no_interest");
        assertThat(api.get(path(call, "/disposition"), key).data().path("code").asString()).isEqualTo("no_interest");

        for (String body : List.of("{}", "{\"disposition_code\": \"sale\", \"disposition_id\": " + saleId + "}")) {
            Api.Response refused = put(path(call, "/disposition"), key, body);
            assertThat(refused.status()).as(body).isEqualTo(422);
            assertThat(refused.body().path("errors").propertyNames()).as(body)
                    .containsExactlyInAnyOrder("disposition_code", "disposition_id");
        }
        assertThat(put(path(call, "/disposition"), key, "{\"disposition_code\": \"nope\"}").body().path("errors")
                .propertyNames()).containsExactly("disposition_code");
        assertThat(put(path(call, "/disposition"), key, "{\"disposition_id\": " + otherAccounts + "}").body()
                .path("errors").propertyNames()).containsExactly("disposition_id");
        assertThat(api.get(path(call, "/disposition"), key).data().path("code").asString()).isEqualTo("no_interest");

        assertThat(api.delete(path(call, "/disposition"), key).status()).isEqualTo(204);
        assertThat(api.delete(path(call, "/disposition"), key).status()).isEqualTo(204);
        assertThat(api.get(path(call, "/disposition"), key).data().isNull()).isTrue();

        Api.Response renamed = put("/api/v3/dispositions/" + saleId, key, "{\"code\": \"won\"}");
        assertThat(renamed.data().path("name").asString()).isEqualTo("Sale closed");
        put(path(call, "/disposition"), key, "{\"disposition_code\": \"won\"}");
        assertThat(api.delete("/api/v3/dispositions/" + saleId, otherKey).status()).isEqualTo(404);
        assertThat(api.delete("/api/v3/dispositions/" + saleId, key).status()).isEqualTo(200);
        assertThat(api.get(path(call, "/disposition"), key).data().isNull()).as("cleared with its code").isTrue();
    }

    @Test
    void everyChangeOfAnEndedCallsNotesIsACallUpdatedWebhook() {
        long subscription = subscribedToUpdates(key);
        UUID call = send(key, FlowJson.call("2026-03-23T08:00:00Z").inbound("+905321110040").at(5_000).hangup("contact"));
        long tag = tag(key, "webhooks");
        disposition(key, "hook");
        String before = api.get("/api/v3/calls/" + call, key).data().path("updated_at").asString();
        assertThat(updates(subscription, call)).isZero();

        api.post(comments(call), key, "{\"content\": \"x\"}");
        assertThat(updates(subscription, call)).isEqualTo(1);
        api.post(path(call, "/tags"), key, "{\"tag_id\": " + tag + "}");
        api.post(path(call, "/tags"), key, "{\"tag_id\": " + tag + "}"); // already there: no change
        assertThat(updates(subscription, call)).isEqualTo(2);
        put(path(call, "/disposition"), key, "{\"disposition_code\": \"hook\"}");
        put(path(call, "/disposition"), key, "{\"disposition_code\": \"hook\"}"); // the same: no change
        assertThat(updates(subscription, call)).isEqualTo(3);
        api.delete(path(call, "/disposition"), key);
        api.delete(path(call, "/tags/" + tag), key);
        api.delete(path(call, "/tags/" + tag), key); // already off: no change
        assertThat(updates(subscription, call)).isEqualTo(5);
        api.post(path(call, "/tags"), key, "{\"tag_id\": " + tag + "}");
        api.delete("/api/v3/tags/" + tag, key); // leaves the call
        assertThat(updates(subscription, call)).isEqualTo(7);
        assertThat(api.post(comments(call), key, "{\"content\": \"\"}").status()).isEqualTo(422);
        assertThat(updates(subscription, call)).as("a refused change announces nothing").isEqualTo(7);
        assertThat(api.get("/api/v3/calls/" + call, key).data().path("updated_at").asString())
                .isGreaterThanOrEqualTo(before);

        // a call in progress has its hangup to come, which carries the record
        api.post(comments(live), key, "{\"content\": \"while it rings\"}");
        assertThat(updates(subscription, live)).isZero();
    }

    @Test
    void theCallsListFiltersByTagCommentsAndDispositionCode() {
        String account = newAccount("notes-filters");
        List<UUID> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(send(account, FlowJson.call("2026-03-2" + i + "T08:00:00Z").inbound("+90532111005" + i)
                    .at(5_000).hangup("contact")));
        }
        long red = tag(account, "red");
        long blue = tag(account, "blue");
        disposition(account, "sale");
        disposition(account, "lost");
        for (int i : List.of(0, 2, 4)) {
            api.post(path(calls.get(i), "/tags"), account, "{\"tag_id\": " + red + "}");
        }
        api.post(path(calls.get(1), "/tags"), account, "{\"tag_id\": " + blue + "}");
        api.post(path(calls.get(2), "/tags"), account, "{\"tag_id\": " + blue + "}");
        put(path(calls.get(3), "/disposition"), account, "{\"disposition_code\": \"sale\"}");
        put(path(calls.get(4), "/disposition"), account, "{\"disposition_code\": \"lost\"}");
        put(path(calls.get(5), "/disposition"), account, "{\"disposition_code\": \"sale\"}");

        assertThat(uuids(account, "tag_id[eq]=" + red)).containsExactly(calls.get(4), calls.get(2), calls.get(0));
        assertThat(uuids(account, "tag_id[in]=" + red + "," + blue)).containsExactly(calls.get(4), calls.get(2),
                calls.get(1), calls.get(0));
        assertThat(uuids(account, "tag_id[eq]=" + red + "&tag_id[in]=" + blue)).isEmpty();
        assertThat(uuids(account, "disposition_code[eq]=sale")).containsExactly(calls.get(5), calls.get(3));
        assertThat(uuids(account, "disposition_code[in]=sale,lost&sort=started_at.asc"))
                .containsExactly(calls.get(3), calls.get(4), calls.get(5));
        assertThat(uuids(account, "disposition_code[eq]=lost&tag_id[eq]=" + red)).containsExactly(calls.get(4));
        assertThat(uuids(account, "disposition_code[eq]=unknown")).isEmpty();
        assertThat(api.get("/api/v3/calls?tag_id[eq]=" + red, otherKey).data().size()).as("another account's tag")
                .isZero();
        for (int i : List.of(1, 4)) {
            api.post(path(calls.get(i), "/comments"), account, "{\"content\": \"Call back on Friday\"}");
        }
        api.post(path(calls.get(4), "/comments"), account, "{\"content\": \"Done\"}");
        assertThat(uuids(account, "commented[eq]=true")).containsExactly(calls.get(4), calls.get(1));
        assertThat(uuids(account, "commented[eq]=false&sort=started_at.asc")).containsExactly(calls.get(0),
                calls.get(2), calls.get(3), calls.get(5));
        assertThat(uuids(account, "commented[eq]=true&tag_id[eq]=" + red)).containsExactly(calls.get(4));
        assertThat(api.get("/api/v3/calls?commented[eq]=maybe", account).body().path("errors").propertyNames())
                .containsExactly("commented");

        // paging keeps its rules: count of all matches, cursor through the filtered list
        Api.Response first = api.get("/api/v3/calls?limit=2&tag_id[in]=" + red + "," + blue, account);
        assertThat(first.body().path("meta").path("count").asLong()).isEqualTo(4);
        String cursor = first.body().path("meta").path("next_cursor").asString();
        Api.Response second = api.get("/api/v3/calls?limit=2&tag_id[in]=" + red + "," + blue + "&cursor=" + cursor, account);
        assertThat(second.data().findValuesAsString("uuid")).containsExactly(calls.get(1).toString(),
                calls.get(0).toString());

        Api.Response bad = api.get("/api/v3/calls?tag_id[eq]=red&disposition_code[in]=a%20b", account);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").propertyNames()).containsExactlyInAnyOrder("tag_id", "disposition_code");
        assertThat(bad.body().path("errors").path("tag_id").get(0).asString()).startsWith("tag_id[eq]: 'red'");
        assertThat(bad.body().path("errors").path("disposition_code").get(0).asString())
                .startsWith("disposition_code[in]: 'a b'");
    }

    private List<UUID> uuids(String account, String query) {
        Api.Response list = api.get("/api/v3/calls?limit=100&" + query, account);
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        return list.data().findValuesAsString("uuid").stream().map(UUID::fromString).toList();
    }

    private long subscribedToUpdates(String account) {
        Api.Response created = api.post("/api/v3/webhooks", account,
                "{\"url\": \"https://example.com/hooks\", \"events\": [\"call_updated\"]}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long id = created.data().path("id").asLong();
        // paused: its deliveries wait in the outbox, where the test counts them
        assertThat(api.post("/api/v3/webhooks/" + id + "/pause", account, "").status()).isEqualTo(200);
        return id;
    }

    private long updates(long subscription, UUID call) {
        return jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = :s AND call_uuid = :call"
                        + " AND event = 'call_updated'")
                .param("s", subscription).param("call", call).query(Long.class).single();
    }

    private long count(String sql, UUID call) {
        return jdbc.sql(sql).param("call", call).query(Long.class).single();
    }

    private long tag(String account, String name) {
        Api.Response created = api.post("/api/v3/tags", account, "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.data().path("id").asLong();
    }

    private long disposition(String account, String code) {
        Api.Response created = api.post("/api/v3/dispositions", account,
                "{\"code\": \"" + code + "\", \"name\": \"" + code + "\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.data().path("id").asLong();
    }

    private Api.Response put(String path, String account, String json) {
        return api.send(api.request(path, account).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private UUID send(String account, FlowJson call) {
        Api.Response sent = api.post("/api/v3/call-events", account, call.array());
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        return call.uuid();
    }

    private static List<String> contents(Api.Response list) {
        return list.data().findValuesAsString("content");
    }

    private static String comments(UUID call) {
        return path(call, "/comments");
    }

    private static String path(UUID call, String rest) {
        return "/api/v3/calls/" + call + rest;
    }
}
