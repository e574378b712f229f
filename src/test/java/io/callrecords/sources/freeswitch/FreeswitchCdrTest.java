package io.callrecords.sources.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.people.DirectoryRefs;
import io.callrecords.people.EntryKind;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v3/sources/freeswitch/cdr} end to end: every case of {@link CdrFixtures}, in every encoding, each
 * leg twice and in a shuffled order, gives exactly the record of its {@code expected.json}; so does its A-leg alone
 * (FusionPBX logs no B-legs by default). And the edges: HTTP Basic, a body that is no CDR, a CDR lacking what the
 * translation needs, the profile.
 */
class FreeswitchCdrTest extends AppTestSupport {

    private static final String CDR = "/api/v3/sources/freeswitch/cdr";
    /** Weekdays 09:00–18:00 UTC: the fixtures' calls are on a Tuesday at 10:00, the closed-hours one on a Saturday. */
    private static final String OFFICE_HOURS = """
            {"business_hours": {"mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]], "wed": [["09:00", "18:00"]],
             "thu": [["09:00", "18:00"]], "fri": [["09:00", "18:00"]], "sat": [], "sun": []},
             "effective_from": "2026-01-01T00:00:00Z"}""";

    @Autowired DirectoryRefs refs;
    @Autowired JdbcClient jdbc;

    private record Account(long id, String adminKey, String writeKey) {}

    private Account account(String name) {
        String admin = newAccount(name);
        Api.Response hours = api.patch("/api/v3/account/settings", admin, OFFICE_HOURS);
        assertThat(hours.status()).as(hours.raw().body()).isEqualTo(200);
        long id = jdbc.sql("SELECT id FROM accounts WHERE name = :n").param("n", name).query(Long.class).single();
        return new Account(id, admin, newKey(admin, "[\"write\"]")[1]);
    }

    private Api.Response post(String authorization, String contentType, byte[] body) {
        return api.send(api.request(CDR, null).header("Authorization", authorization).header("Content-Type", contentType)
                .header("User-Agent", "freeswitch-json/1.0").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString(("freeswitch:" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyCaseInEveryEncodingRetriedAndShuffledGivesTheExpectedRecord() {
        for (CdrFixtures.Encoding encoding : CdrFixtures.Encoding.values()) {
            Account account = account("fs-" + encoding.name().toLowerCase().replace('_', '-'));
            // The stock modules' cred sends HTTP Basic; other set-ups a bearer key.
            String auth = encoding == CdrFixtures.Encoding.FORM_XML ? basic(account.writeKey())
                    : "Bearer " + account.writeKey();
            for (String name : CdrFixtures.CASES) {
                CdrFixtures.Case c = CdrFixtures.load(name);
                for (String leg : c.duplicatedAndShuffled(name.hashCode() + encoding.ordinal())) {
                    Api.Response r = post(auth, encoding.contentType, encoding.body(leg));
                    assertThat(r.status()).as(name + " " + encoding + ": " + r.raw().body()).isEqualTo(200);
                }
                assertRecord(account, c, encoding.name());
            }
        }
    }

    @Test
    void theALegAloneGivesTheSameRecord() {
        Account account = account("fs-a-leg-only");
        for (String name : CdrFixtures.CASES) {
            CdrFixtures.Case c = CdrFixtures.load(name);
            Api.Response r = post("Bearer " + account.writeKey(), "application/json",
                    c.legs().get("a").getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
            assertThat(r.data().path("calls").path(0).path("finished").asBoolean()).isTrue();
            assertRecord(account, c, "A-leg only");
        }
    }

    private void assertRecord(Account account, CdrFixtures.Case c, String how) {
        Api.Response got = api.get("/api/v3/calls/" + c.aLeg(), account.adminKey());
        assertThat(got.status()).as(c.name() + " " + how + ": " + got.raw().body()).isEqualTo(200);
        JsonNode record = got.data();
        long start = c.startSecond();
        for (Map.Entry<String, JsonNode> e : c.expected().properties()) {
            String field = e.getKey();
            JsonNode want = e.getValue();
            JsonNode have = record.path(field);
            String as = c.name() + " (" + how + ") " + field + " in " + record;
            if (field.endsWith("_at")) {
                assertThat(have.isNull() ? null : have.asString()).as(as)
                        .isEqualTo(want.isNull() ? null : Instant.ofEpochSecond(start + want.asLong()).toString());
            } else if (want.isString() && want.asString().contains(":") && (field.endsWith("_id"))) {
                assertThat(have.isNull() ? null : have.asLong()).as(as).isEqualTo(directoryId(account, want.asString()));
            } else {
                assertThat(have).as(as).isEqualTo(want);
            }
        }
    }

    /** {@code user:1001} → the id of the user FreeSWITCH's extension 1001 became; the same for the other kinds. */
    private long directoryId(Account account, String named) {
        String kind = named.substring(0, named.indexOf(':'));
        String ref = named.substring(named.indexOf(':') + 1);
        return switch (kind) {
            case "user" -> refs.resolve(account.id(), EntryKind.USER, "freeswitch", ref + "@pbx.example.com", null);
            case "team" -> refs.resolve(account.id(), EntryKind.TEAM, "freeswitch", ref, null);
            case "greeting" -> refs.resolve(account.id(), EntryKind.GREETING, "freeswitch", ref, null);
            case "number" -> refs.resolve(account.id(), EntryKind.NUMBER, "freeswitch", ref, null);
            case "voicemail_box" -> refs.resolve(account.id(), EntryKind.VOICEMAIL_BOX, "freeswitch", ref, null);
            default -> throw new IllegalArgumentException(named);
        };
    }

    @Test
    void extensionsBecomeUsersAndAreListedOnce() {
        Account account = account("fs-extensions");
        CdrFixtures.Case c = CdrFixtures.load("internal");
        for (String leg : c.duplicatedAndShuffled(7)) {
            assertThat(post("Bearer " + account.writeKey(), "application/json", leg.getBytes(StandardCharsets.UTF_8))
                    .status()).isEqualTo(200);
        }
        long u1001 = refs.resolve(account.id(), EntryKind.USER, "freeswitch", "1001@pbx.example.com", null);
        long u1002 = refs.resolve(account.id(), EntryKind.USER, "freeswitch", "1002@pbx.example.com", null);
        assertThat(api.get("/api/v3/users/" + u1001, account.adminKey()).data().path("name").asString())
                .isEqualTo("Ayşe Yılmaz");
        JsonNode extensions = api.get("/api/v3/extensions", account.adminKey()).body().path("data");
        assertThat(extensions.valueStream().map(e -> e.path("number").asString() + "->" + e.path("target_id").asLong())
                .sorted().toList()).containsExactly("1001->" + u1001, "1002->" + u1002);
        assertThat(extensions.valueStream().map(e -> e.path("external_refs").path(0).path("ref").asString()).sorted()
                .toList()).containsExactly("1001@pbx.example.com", "1002@pbx.example.com");
    }

    @Test
    void aBodyThatIsNoCdrIsA400NamingTheEncodingsTriedAndNothingIsStored() {
        Account account = account("fs-bad-body");
        Api.Response r = post("Bearer " + account.writeKey(), "application/x-www-form-urlencoded",
                "name=value&other=1".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").path("detail").asString()).contains("raw JSON", "form-encoded", "base64");
        Api.Response broken = post("Bearer " + account.writeKey(), "application/json",
                "{\"variables\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM source_documents WHERE account_id = :a").param("a", account.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void basicAuthenticationTakesTheKeyAsPasswordOnlyOnTheSources() {
        Account account = account("fs-basic");
        byte[] leg = CdrFixtures.load("ivr_short_hangup").legs().get("a").getBytes(StandardCharsets.UTF_8);
        assertThat(post(basic("wrong-key"), "application/json", leg).status()).isEqualTo(401);
        assertThat(post(basic(account.writeKey()), "application/json", leg).status()).isEqualTo(200);
        // Elsewhere a key still travels as a bearer token only.
        Api.Response calls = api.send(api.request("/api/v3/calls", null)
                .header("Authorization", basic(account.adminKey())).GET());
        assertThat(calls.status()).isEqualTo(401);
        // A read-only key may not post documents.
        String readOnly = newKey(account.adminKey(), "[\"read\"]")[1];
        assertThat(post("Bearer " + readOnly, "application/json", leg).status()).isEqualTo(403);
    }

    @Test
    void aCdrLackingWhatTheTranslationNeedsIsKeptAndItsProblemSaid() {
        Account account = account("fs-lacking");
        CdrFixtures.Case c = CdrFixtures.load("ivr_short_hangup");
        String noStart = c.legs().get("a").replaceAll("\"start_u?epoch\": \"\\d+\"", "\"start_uepoch\": \"0\"");
        Api.Response r = post("Bearer " + account.writeKey(), "application/json", noStart.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().path("stored").asInt()).isEqualTo(1);
        assertThat(r.data().path("calls").path(0).path("problem").asString()).contains("has no start_uepoch");
        assertThat(jdbc.sql("SELECT count(*) FROM source_documents WHERE account_id = :a").param("a", account.id())
                .query(Integer.class).single()).isEqualTo(1);
        // A retry is acknowledged and stores nothing more.
        Api.Response retry = post("Bearer " + account.writeKey(), "application/json", noStart.getBytes(StandardCharsets.UTF_8));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.data().path("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void aLegWhoseUuidIsNoKeyIsKeptUnderItsContentAndMakesNoCall() {
        Account account = account("fs-hostile");
        for (String uuid : new String[] {"\\u0000", "x".repeat(600)}) {
            String body = "{\"variables\": {\"uuid\": \"" + uuid + "\", \"start_uepoch\": \"9223372036854775807\","
                    + " \"end_uepoch\": \"9223372036854775807\", \"caller_id_number\": \"\\u0000\"}}";
            Api.Response r = post("Bearer " + account.writeKey(), "application/json", body.getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
            assertThat(r.data().path("stored").asInt()).isEqualTo(1);
            assertThat(r.data().path("calls").isEmpty()).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM source_documents WHERE account_id = :a AND doc_key LIKE 'sha256:%'")
                .param("a", account.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theProfileIsReadAndSetByAnAdministrator() {
        Account account = account("fs-profile");
        Api.Response initial = api.get("/api/v3/sources/freeswitch", account.adminKey());
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.data().path("kind").asString()).isEqualTo("freeswitch");
        assertThat(initial.data().path("endpoint_url").asString()).endsWith(CDR);
        assertThat(initial.data().path("settings").path("trunk_profiles").toString()).isEqualTo("[\"external\"]");
        assertThat(initial.data().path("settings").path("raw_document_retention_days").asInt()).isEqualTo(30);

        Api.Response put = api.send(api.request("/api/v3/sources/freeswitch", account.adminKey())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"trunk_gateways": ["trunk1"], "default_region": "TR", "raw_document_retention_days": 7,
                         "ivr_names": {"5b7f": "Main menu"}}""")));
        assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
        assertThat(put.data().path("settings").path("trunk_gateways").toString()).isEqualTo("[\"trunk1\"]");
        assertThat(api.get("/api/v3/sources/freeswitch", account.adminKey()).data().path("settings")
                .path("default_region").asString()).isEqualTo("TR");

        Api.Response bad = api.send(api.request("/api/v3/sources/freeswitch", account.adminKey())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"default_region": "turkey", "raw_document_retention_days": 0, "trunks": []}""")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.raw().body()).contains("default_region", "raw_document_retention_days", "trunks");
        assertThat(api.get("/api/v3/sources/freeswitch", account.writeKey()).status()).isEqualTo(403);
    }
}
