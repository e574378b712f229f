package io.callrecords.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DirectoryApiTest extends AppTestSupport {

    private static final String NOT_FOUND = "{\"errors\":{\"detail\":\"Not Found\"}}";

    @Test
    void aUserIsCreatedReadChangedAndDeletedAndItsIdIsNeverGivenAgain() {
        String key = newAccount("people-crud");
        Api.Response created = api.post("/api/v3/users", key, """
                {"name": " Ayşe Yılmaz ", "email": "ayse@example.com", "title": "Lead", "locale": "tr",
                 "external_refs": [{"source": "freeswitch", "ref": "1001@pbx"}]}""");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode user = created.data();
        assertThat(user.propertyNames()).containsExactly("resource_type", "id", "name", "full_name", "email", "title",
                "status", "default_number_id", "default_extension_id", "role", "locale", "can_sign_in", "external_refs",
                "created_at", "updated_at");
        assertThat(user.path("id").asLong()).isEqualTo(1);
        assertThat(user.path("name").asString()).isEqualTo("Ayşe Yılmaz");
        assertThat(user.path("status").asString()).isEqualTo("active");
        assertThat(user.path("role").asString()).isEqualTo("agent");
        assertThat(user.path("can_sign_in").asBoolean()).isFalse();
        assertThat(user.path("external_refs").toString()).isEqualTo("[{\"source\":\"freeswitch\",\"ref\":\"1001@pbx\"}]");
        assertThat(api.get("/api/v3/users/1", key).data()).isEqualTo(user);
        // Hipcall's PHP SDK reads one with a slash at the end
        assertThat(api.get("/api/v3/users/1/", key).data()).isEqualTo(user);

        Api.Response changed = api.patch("/api/v3/users/1", key, "{\"title\": null, \"role\": \"supervisor\"}");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.data().path("title").isNull()).isTrue();
        assertThat(changed.data().path("role").asString()).isEqualTo("supervisor");
        assertThat(changed.data().path("email").asString()).isEqualTo("ayse@example.com");
        assertThat(api.patch("/api/v3/users/1", key, "{}").data()).isEqualTo(changed.data());

        Api.Response deleted = api.delete("/api/v3/users/1", key);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("name").asString()).isEqualTo("Ayşe Yılmaz");
        for (Api.Response gone : new Api.Response[] {api.get("/api/v3/users/1", key), api.delete("/api/v3/users/1", key),
                api.patch("/api/v3/users/1", key, "{}"), api.get("/api/v3/users/abc", key)}) {
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.raw().body()).isEqualTo(NOT_FOUND);
        }
        assertThat(api.get("/api/v3/users", key).body().path("meta").path("count").asLong()).isZero();

        // ids: never reused, explicit ones allowed when unused, the next automatic one above every id used
        Api.Response reused = api.post("/api/v3/users", key, "{\"id\": 1, \"name\": \"Again\"}");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().path("errors").path("id").get(0).asString()).contains("is taken");
        assertThat(api.post("/api/v3/users", key, "{\"name\": \"Next\"}").data().path("id").asLong()).isEqualTo(2);
        assertThat(api.post("/api/v3/users", key, "{\"id\": 11, \"name\": \"Eleven\"}").data().path("id").asLong()).isEqualTo(11);
        assertThat(api.post("/api/v3/users", key, "{\"name\": \"Twelve\"}").data().path("id").asLong()).isEqualTo(12);
        assertThat(api.post("/api/v3/users", key, "{\"id\": 5, \"name\": \"Five\"}").data().path("id").asLong()).isEqualTo(5);
        // ids are per kind: the first team is 1 too
        assertThat(api.post("/api/v3/teams", key, "{\"name\": \"Support\"}").data().path("id").asLong()).isEqualTo(1);
    }

    @Test
    void everyBadFieldIsNamedInOne422() {
        String key = newAccount("people-validation");
        Api.Response bad = api.post("/api/v3/users", key, """
                {"id": -3, "name": "", "email": "nope", "status": "away", "role": "owner", "default_number_id": "x",
                 "external_refs": [{"source": "", "ref": "a"}]}""");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").propertyNames()).containsExactlyInAnyOrder("id", "name", "email", "status",
                "role", "default_number_id", "external_refs");
        Api.Response extension = api.post("/api/v3/extensions", key, "{\"number\": \"10 01\", \"target_type\": \"queue\"}");
        assertThat(extension.body().path("errors").propertyNames())
                .containsExactlyInAnyOrder("number", "target_type", "target_id");
        Api.Response number = api.post("/api/v3/numbers", key, "{\"name\": \"Line\", \"number\": \"12\"}");
        assertThat(number.body().path("errors").propertyNames()).containsExactly("number");
        Api.Response box = api.post("/api/v3/voicemail-boxes", key, "{\"name\": \"Box\", \"type\": \"user\"}");
        assertThat(box.body().path("errors").path("user_id").get(0).asString()).isEqualTo("is required when type is user");
        Api.Response list = api.get("/api/v3/teams?limit=0&page=2", key);
        assertThat(list.status()).isEqualTo(422);
        assertThat(list.body().path("errors").propertyNames()).containsExactlyInAnyOrder("limit", "page");
    }

    @Test
    void anotherAccountsIdsAreUnknownAlsoInsideBodies() {
        String mine = newAccount("people-mine");
        String theirs = newAccount("people-theirs");
        // the other account has user 1, team 1, number 1, greeting 1, extension 1
        long theirUser = api.post("/api/v3/users", theirs, "{\"name\": \"Theirs\"}").data().path("id").asLong();
        api.post("/api/v3/teams", theirs, "{\"name\": \"Their team\", \"members\": [1]}");
        api.post("/api/v3/numbers", theirs, "{\"name\": \"Their line\", \"number\": \"+908502010000\"}");
        api.post("/api/v3/greetings", theirs, "{\"name\": \"Their menu\"}");
        api.post("/api/v3/extensions", theirs, "{\"number\": \"100\", \"target_type\": \"user\", \"target_id\": 1}");
        for (String path : new String[] {"users", "teams", "numbers", "greetings", "extensions"}) {
            assertThat(api.get("/api/v3/" + path + "/" + theirUser, mine).status()).as(path).isEqualTo(404);
            assertThat(api.patch("/api/v3/" + path + "/1", mine, "{}").status()).as(path).isEqualTo(404);
            assertThat(api.delete("/api/v3/" + path + "/1", mine).status()).as(path).isEqualTo(404);
            assertThat(api.get("/api/v3/" + path, mine).body().path("meta").path("count").asLong()).as(path).isZero();
        }
        assertThat(api.get("/api/v3/teams/1/members", mine).status()).isEqualTo(404);

        Api.Response team = api.post("/api/v3/teams", mine, "{\"name\": \"Mine\", \"members\": [1]}");
        assertThat(team.status()).isEqualTo(422);
        assertThat(team.raw().body()).isEqualTo("{\"errors\":{\"members\":[\"user 1 does not exist\"]}}");
        Api.Response extension = api.post("/api/v3/extensions", mine, "{\"number\": \"100\", \"target_type\": \"greeting\", \"target_id\": 1}");
        assertThat(extension.raw().body()).isEqualTo("{\"errors\":{\"target_id\":[\"greeting 1 does not exist\"]}}");
        Api.Response box = api.post("/api/v3/voicemail-boxes", mine, "{\"name\": \"B\", \"type\": \"user\", \"user_id\": 1}");
        assertThat(box.raw().body()).isEqualTo("{\"errors\":{\"user_id\":[\"user 1 does not exist\"]}}");
        Api.Response user = api.post("/api/v3/users", mine, "{\"name\": \"U\", \"default_number_id\": 1, \"default_extension_id\": 1}");
        assertThat(user.body().path("errors").path("default_number_id").toString()).isEqualTo("[\"number 1 does not exist\"]");
        assertThat(user.body().path("errors").path("default_extension_id").toString()).isEqualTo("[\"extension 1 does not exist\"]");

        // the same numbers are free in this account, and a deleted entry is as unknown as a missing one
        long me = api.post("/api/v3/users", mine, "{\"name\": \"Me\"}").data().path("id").asLong();
        Api.Response ext = api.post("/api/v3/extensions", mine, "{\"number\": \"100\", \"target_type\": \"user\", \"target_id\": %d}".formatted(me));
        assertThat(ext.status()).as(ext.raw().body()).isEqualTo(201);
        Api.Response twice = api.post("/api/v3/extensions", mine, "{\"number\": \"100\", \"target_type\": \"user\", \"target_id\": %d}".formatted(me));
        assertThat(twice.body().path("errors").path("number").get(0).asString()).isEqualTo("'100' is already the number of extension 1");
        api.delete("/api/v3/users/" + me, mine);
        Api.Response toDeleted = api.post("/api/v3/teams", mine, "{\"name\": \"T\", \"members\": [%d]}".formatted(me));
        assertThat(toDeleted.body().path("errors").path("members").get(0).asString()).isEqualTo("user " + me + " does not exist");
        // a deleted extension's number is free again
        api.delete("/api/v3/extensions/1", mine);
        long other = api.post("/api/v3/users", mine, "{\"name\": \"Other\"}").data().path("id").asLong();
        assertThat(api.post("/api/v3/extensions", mine, "{\"number\": \"100\", \"target_type\": \"user\", \"target_id\": %d}"
                .formatted(other)).status()).isEqualTo(201);
    }

    @Test
    void teamMembersAreReadAndReplaced() {
        String key = newAccount("people-members");
        api.post("/api/v3/users/import", key, "[{\"name\": \"A\"}, {\"name\": \"B\"}, {\"name\": \"C\"}]");
        Api.Response team = api.post("/api/v3/teams", key, "{\"name\": \"Queue\", \"strategy\": \"ring_all\", \"wrap_up_time\": 5, \"members\": [3, 1]}");
        assertThat(team.status()).as(team.raw().body()).isEqualTo(201);
        assertThat(team.data().path("members").toString()).isEqualTo("[3,1]");
        assertThat(api.get("/api/v3/teams/1/members", key).raw().body()).isEqualTo("{\"data\":[3,1]}");
        Api.Response replaced = api.send(api.request("/api/v3/teams/1/members", key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"members\": [2, 3]}")));
        assertThat(replaced.raw().body()).isEqualTo("{\"data\":[2,3]}");
        Api.Response bad = api.send(api.request("/api/v3/teams/1/members", key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"members\": [2, 99, \"x\"]}")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").path("members").size()).isEqualTo(2);
        api.delete("/api/v3/users/2", key);
        assertThat(api.get("/api/v3/teams/1", key).data().path("members").toString()).isEqualTo("[3]");
    }

    @Test
    void directoryWritesNeedTheAdminScopeAndReadsTheReadScope() {
        String admin = newAccount("people-scopes");
        String writer = newKey(admin, "[\"read\", \"write\"]")[1];
        Api.Response refused = api.post("/api/v3/users", writer, "{\"name\": \"X\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get("/api/v3/users", writer).status()).isEqualTo(200);
        // the get-or-create of refs needs write only
        assertThat(api.post("/api/v3/directory/refs", writer,
                "{\"resource_type\": \"user\", \"source\": \"pbx\", \"ref\": \"1001\"}").status()).isEqualTo(201);
    }

    @Test
    void listsPageAndSearch() {
        String key = newAccount("people-list");
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 12; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"name\": \"Line %02d\", \"number\": \"+9085020100%02d\"}".formatted(i, i));
        }
        assertThat(api.post("/api/v3/numbers/import", key, rows + "]").data().path("imported").asInt()).isEqualTo(12);
        Api.Response first = api.get("/api/v3/numbers", key);
        assertThat(first.data().size()).isEqualTo(10);
        assertThat(first.body().path("meta").toString()).isEqualTo("{\"count\":12,\"offset\":0,\"limit\":10}");
        assertThat(api.get("/api/v3/numbers?offset=10&limit=5", key).data().get(0).path("name").asString()).isEqualTo("Line 10");
        assertThat(api.get("/api/v3/numbers?q=0100%2011", key).data().get(0).path("number").asString()).isEqualTo("+90850201001" + "1");
        assertThat(api.get("/api/v3/numbers?q=line%2003", key).data().size()).isEqualTo(1);
    }
}
