package io.callrecords.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DirectoryImportAndRefsTest extends AppTestSupport {

    @Autowired
    DirectoryRefs refs;

    @Autowired
    JdbcClient jdbc;

    private Api.Response csv(String path, String key, String body) {
        return api.send(api.request(path, key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void usersTeamsExtensionsAndNumbersAreImportedFromCsvAndJson() {
        String key = newAccount("people-import");
        Api.Response users = csv("/api/v3/users/import", key,
                "name,email,role,id,external_refs\nAyşe,ayse@example.com,admin,11,pbx:1001\n\"Veli, Jr\",,,,pbx:1002;crm:v\n");
        assertThat(users.status()).as(users.raw().body()).isEqualTo(200);
        assertThat(users.raw().body()).isEqualTo("{\"data\":{\"imported\":2}}");
        assertThat(api.get("/api/v3/users/12", key).data().path("name").asString()).isEqualTo("Veli, Jr");
        assertThat(api.get("/api/v3/users/12", key).data().path("external_refs").size()).isEqualTo(2);
        assertThat(api.get("/api/v3/users/11", key).data().path("role").asString()).isEqualTo("admin");
        Api.Response teams = csv("/api/v3/teams/import", key, "name,members,wrap_up_time\nSupport,11;12,5\n");
        assertThat(teams.status()).as(teams.raw().body()).isEqualTo(200);
        assertThat(api.get("/api/v3/teams/1", key).data().path("members").toString()).isEqualTo("[11,12]");
        Api.Response extensions = api.post("/api/v3/extensions/import", key, """
                [{"number": "1001", "target_type": "user", "target_id": 11},
                 {"number": "2000", "target_type": "team", "target_id": 1}]""");
        assertThat(extensions.status()).as(extensions.raw().body()).isEqualTo(200);
        Api.Response numbers = csv("/api/v3/numbers/import", key, "name,number\nSupport,+908502010000\n");
        assertThat(numbers.data().path("imported").asInt()).isEqualTo(1);
        Api.Response greetings = csv("/api/v3/greetings/import", key, "name,kind\nMenu,smart_ivr\n");
        assertThat(greetings.data().path("imported").asInt()).isEqualTo(1);
        Api.Response boxes = csv("/api/v3/voicemail-boxes/import", key, "name,type,user_id\nAyşe,user,11\nShared,account,\n");
        assertThat(boxes.status()).as(boxes.raw().body()).isEqualTo(200);
    }

    @Test
    void everyBadRowIsNamedAndNothingIsImported() {
        String key = newAccount("people-import-bad");
        api.post("/api/v3/users", key, "{\"name\": \"Only\"}");
        api.post("/api/v3/extensions", key, "{\"number\": \"1001\", \"target_type\": \"user\", \"target_id\": 1}");
        Api.Response rejected = api.post("/api/v3/extensions/import", key, """
                [{"number": "1002", "target_type": "user", "target_id": 1},
                 {"number": "1001", "target_type": "user", "target_id": 1},
                 {"number": "1003", "target_type": "user", "target_id": 7},
                 {"number": "1002", "target_type": "user", "target_id": 1},
                 "nope"]""");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().path("errors").propertyNames()).containsExactlyInAnyOrder(
                "rows[1].number", "rows[2].target_id", "rows[3].number", "rows[4]");
        assertThat(api.get("/api/v3/extensions", key).body().path("meta").path("count").asLong()).isEqualTo(1);
        Api.Response users = api.post("/api/v3/users/import", key,
                "[{\"name\": \"A\", \"id\": 1, \"password\": \"correct horse battery\"}, {\"name\": \"\"}]");
        assertThat(users.body().path("errors").propertyNames()).containsExactlyInAnyOrder(
                "rows[0].id", "rows[0].password", "rows[0].email", "rows[1].name");
        assertThat(csv("/api/v3/teams/import", key, "title\nX\n").body().path("errors").has("header")).isTrue();
        assertThat(api.get("/api/v3/users", key).body().path("meta").path("count").asLong()).isEqualTo(1);
    }

    @Test
    void aPasswordMakesAUserWhoSignsIn() {
        String key = newAccount("people-sign-in");
        Api.Response weak = api.post("/api/v3/users", key, "{\"name\": \"Ayşe\", \"password\": \"short\"}");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body().path("errors").path("password").toString()).isEqualTo("[\"must be at least 12 characters long\"]");
        assertThat(weak.body().path("errors").path("email").toString())
                .isEqualTo("[\"is required for a user who signs in (with a password)\"]");
        Api.Response own = api.post("/api/v3/users", key, "{\"name\": \"Ayşe\", \"email\": \"signin@example.com\", \"password\": \"ayşe-is-the-best-1\"}");
        assertThat(own.body().path("errors").path("password").get(0).asString()).isEqualTo("must not contain your name or email");
        Api.Response created = api.post("/api/v3/users", key,
                "{\"name\": \"Ayşe\", \"email\": \"signin@example.com\", \"role\": \"admin\", \"password\": \"violet-harbour-engine\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.data().path("can_sign_in").asBoolean()).isTrue();
        assertThat(created.raw().body()).doesNotContain("password").doesNotContain("$2");
        long id = created.data().path("id").asLong();
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE id = :id AND email = 'signin@example.com'")
                .param("id", id).query(String.class).single();
        assertThat(hash).startsWith("$2");
        assertThat(jdbc.sql("SELECT password_changed_at IS NOT NULL FROM users WHERE email = 'signin@example.com'")
                .query(Boolean.class).single()).isTrue();

        // the sign-in email is unique across the service, in any case
        String other = newAccount("people-sign-in-other");
        Api.Response taken = api.post("/api/v3/users", other,
                "{\"name\": \"Copy\", \"email\": \"SignIn@example.com\", \"password\": \"another-fine-secret\"}");
        assertThat(taken.raw().body()).isEqualTo("{\"errors\":{\"email\":[\"already signs in: a sign-in email belongs to one person\"]}}");
        assertThat(api.post("/api/v3/users", other, "{\"name\": \"Listed\", \"email\": \"signin@example.com\"}").status()).isEqualTo(201);
        Api.Response becomes = api.patch("/api/v3/users/1", other, "{\"password\": \"another-fine-secret\"}");
        assertThat(becomes.body().path("errors").has("email")).isTrue();

        // removing the sign-in, then the email is free
        assertThat(api.patch("/api/v3/users/" + id, key, "{\"password\": null}").data().path("can_sign_in").asBoolean()).isFalse();
        assertThat(api.patch("/api/v3/users/1", other, "{\"password\": \"another-fine-secret\"}").data()
                .path("can_sign_in").asBoolean()).isTrue();
    }

    @Test
    void aRefGivesOneIdEvenUnderConcurrentCalls() throws Exception {
        String key = newAccount("people-refs");
        long accountId = jdbc.sql("SELECT account_id FROM api_keys ORDER BY id DESC LIMIT 1").query(Long.class).single();
        int calls = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            tasks.add(() -> {
                start.await();
                return refs.resolve(accountId, EntryKind.USER, "freeswitch", "1001@pbx", "Extension 1001");
            });
        }
        List<Future<Long>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(calls)) {
            tasks.forEach(t -> results.add(pool.submit(t)));
            start.countDown();
            Set<Long> ids = results.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE account_id = :a").param("a", accountId)
                .query(Long.class).single()).as("no orphan entries").isEqualTo(1);
        Api.Response list = api.get("/api/v3/users", key);
        assertThat(list.data().get(0).path("name").asString()).isEqualTo("Extension 1001");

        // the same over HTTP: 201 once, then 200 with the same entry (fewer at once: the service sheds a crowd)
        int requests = 8;
        List<Future<Api.Response>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.post("/api/v3/directory/refs", key,
                            "{\"resource_type\": \"team\", \"source\": \"pbx\", \"ref\": \"support@pbx\", \"name\": \"Queue support\"}");
                }));
            }
            go.countDown();
            List<Api.Response> done = new ArrayList<>();
            for (Future<Api.Response> f : answers) {
                done.add(f.get());
            }
            String statuses = done.stream().map(r -> r.status() + " " + r.raw().body()).toList().toString();
            assertThat(done.stream().filter(r -> r.status() == 201).count()).as(statuses).isEqualTo(1);
            assertThat(done.stream().filter(r -> r.status() == 200).count()).as(statuses).isEqualTo(requests - 1);
            assertThat(done.stream().map(r -> r.data().path("id").asLong()).distinct().count()).isEqualTo(1);
            assertThat(done.getFirst().data().path("resource_type").asString()).isEqualTo("team");
        }
        assertThat(api.get("/api/v3/teams", key).body().path("meta").path("count").asLong()).isEqualTo(1);

        Api.Response extension = api.post("/api/v3/directory/refs", key,
                "{\"resource_type\": \"extension\", \"source\": \"pbx\", \"ref\": \"1001\"}");
        assertThat(extension.status()).isEqualTo(422);
        assertThat(extension.body().path("errors").has("resource_type")).isTrue();
        Api.Response number = api.post("/api/v3/directory/refs", key,
                "{\"resource_type\": \"number\", \"source\": \"pbx\", \"ref\": \"+908502010000\"}");
        assertThat(number.status()).as(number.raw().body()).isEqualTo(201);
        assertThat(number.data().path("number").asString()).isEqualTo("+908502010000");
        assertThat(number.data().path("name").asString()).isEqualTo("Number +908502010000");
        // a ref set on an entry is the same ref the get-or-create finds
        api.post("/api/v3/greetings", key, "{\"name\": \"Menu\", \"external_refs\": [{\"source\": \"pbx\", \"ref\": \"ivr-1\"}]}");
        Api.Response greeting = api.post("/api/v3/directory/refs", key,
                "{\"resource_type\": \"greeting\", \"source\": \"pbx\", \"ref\": \"ivr-1\"}");
        assertThat(greeting.status()).isEqualTo(200);
        assertThat(greeting.data().path("name").asString()).isEqualTo("Menu");
        Api.Response clash = api.post("/api/v3/greetings", key, "{\"name\": \"Other\", \"external_refs\": [{\"source\": \"pbx\", \"ref\": \"ivr-1\"}]}");
        assertThat(clash.status()).isEqualTo(422);
    }
}
