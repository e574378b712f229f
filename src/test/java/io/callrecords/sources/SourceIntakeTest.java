package io.callrecords.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.CallEvent;
import io.callrecords.calls.Direction;
import io.callrecords.calls.EndpointType;
import io.callrecords.calls.EventDetail;
import io.callrecords.calls.HangupBy;
import io.callrecords.calls.SourceEvents;
import io.callrecords.people.DirectoryRefs;
import io.callrecords.people.EntryKind;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The sources core with a toy source whose documents are lines ("init SECOND CALLER CALLEE", "bridge SECOND EXT",
 * "hangup SECOND", "end", "boom"), so that what is tested is the core: storing once, translating on every document,
 * replacing the source's events only, failures kept, the quiet period, the sweeper and retention.
 */
class SourceIntakeTest extends AppTestSupport {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));

    @Autowired SourceDocuments documents;
    @Autowired SourceCalls calls;
    @Autowired SourceProfiles profiles;
    @Autowired SourceEvents events;
    @Autowired DirectoryRefs refs;
    @Autowired PlatformTransactionManager transactions;
    @Autowired CallrecordsProperties properties;
    @Autowired JdbcClient jdbc;
    @Autowired List<SourcePruning> pruning;

    /** The toy source's profile: the name of the greeting the PBX answers with. */
    record ToyProfile(String greeting) {}

    /** Reads the toy documents; a pure function, as every translation is. */
    static final class ToyTranslator implements SourceTranslator<ToyProfile> {

        @Override
        public SourceKind kind() {
            return SourceKind.ASTERISK;
        }

        @Override
        public Class<ToyProfile> profileType() {
            return ToyProfile.class;
        }

        @Override
        public ToyProfile defaultProfile() {
            return new ToyProfile("Main menu");
        }

        @Override
        public Translation translate(CallDocuments call, ToyProfile profile, DirectoryIds ids) {
            List<CallEvent> out = new ArrayList<>();
            boolean finished = false;
            List<String> problems = new ArrayList<>();
            for (SourceDocument d : call.documents()) {
                String[] lines = d.body().split("\n");
                for (int i = 0; i < lines.length; i++) {
                    String[] w = lines[i].split(" ");
                    String id = d.docKey() + "-" + i;
                    switch (w[0]) {
                        case "init" -> out.add(CallEvent.of(id, call.callUuid(), at(w[1]), new EventDetail.Init(
                                new EventDetail.Party(w[2], EndpointType.CONTACT, null),
                                new EventDetail.Party(w[3], EndpointType.GREETING,
                                        ids.id(EntryKind.GREETING, "menu", profile.greeting())),
                                Direction.INBOUND, null, null, null, null), 0));
                        case "bridge" -> out.add(CallEvent.of(id, call.callUuid(), at(w[1]), new EventDetail.Bridge(
                                ids.id(EntryKind.USER, w[2] + "@pbx", "Extension " + w[2])), 0));
                        case "hangup" -> out.add(CallEvent.of(id, call.callUuid(), at(w[1]),
                                new EventDetail.Hangup(HangupBy.CONTACT), 0));
                        case "end" -> finished = true;
                        case "lacking" -> problems.add("the document has no caller");
                        case "boom" -> throw new IllegalStateException("line " + (i + 1) + " is not a toy line");
                        default -> { }
                    }
                }
            }
            return new Translation(out, finished, problems);
        }

        private static Instant at(String second) {
            return T0.plusSeconds(Long.parseLong(second));
        }
    }

    private SourceIntake intake(Instant now) {
        return new SourceIntake(documents, calls, profiles, events, refs, transactions,
                Clock.fixed(now, ZoneOffset.UTC), properties, List.of(new ToyTranslator()));
    }

    private long accountId(String name) {
        newAccount(name);
        return jdbc.sql("SELECT id FROM accounts WHERE name = :name").param("name", name).query(Long.class).single();
    }

    private static IncomingDocument doc(String key, String call, String body) {
        return new IncomingDocument(key, call, "text/plain", body, null);
    }

    @Test
    void everyDocumentTranslatesTheCallAgainAndARetryChangesNothing() {
        String key = newAccount("sources-core");
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'sources-core'").query(Long.class).single();
        SourceIntake intake = intake(Instant.now());
        String callKey = "1733400000.42";
        UUID uuid = CallUuids.of(SourceKind.ASTERISK, callKey);

        SourceIntake.Receipt first = intake.accept(account, SourceKind.ASTERISK,
                List.of(doc("a", callKey, "init 0 +905551112233 1000")));
        assertThat(first.stored()).hasSize(1);
        assertThat(first.calls()).containsExactly(new SourceIntake.CallOutcome(callKey, uuid, 1, false, null));
        Api.Response live = api.get("/api/v3/calls/" + uuid, key);
        assertThat(live.status()).as(live.raw().body()).isEqualTo(200);
        assertThat(live.data().path("ended_at").isNull()).isTrue();

        // The bridge and the hangup come later, the hangup first: the record is the same whatever the order.
        intake.accept(account, SourceKind.ASTERISK, List.of(doc("c", callKey, "hangup 30\nend")));
        SourceIntake.Receipt retry = intake.accept(account, SourceKind.ASTERISK,
                List.of(doc("b", callKey, "bridge 5 1001"), doc("c", callKey, "hangup 30\nend")));
        assertThat(retry.stored()).extracting(IncomingDocument::docKey).containsExactly("b");
        assertThat(retry.duplicates()).isEqualTo(1);

        Api.Response done = api.get("/api/v3/calls/" + uuid, key);
        long user = refs.resolve(account, EntryKind.USER, "asterisk", "1001@pbx", null);
        assertThat(done.data().path("user_id").asLong()).isEqualTo(user);
        assertThat(done.data().path("call_duration").asInt()).isEqualTo(30);
        assertThat(done.data().path("missing_call").asBoolean()).isFalse();
        assertThat(api.get("/api/v3/users/" + user, key).data().path("name").asString()).isEqualTo("Extension 1001");
        assertThat(jdbc.sql("SELECT count(*) FROM call_events WHERE call_uuid = :c AND source = 'asterisk'")
                .param("c", uuid).query(Integer.class).single()).isEqualTo(3);

        // The same documents again: nothing is stored, nothing is written.
        SourceIntake.Receipt again = intake.accept(account, SourceKind.ASTERISK,
                List.of(doc("a", callKey, "init 0 +905551112233 1000"), doc("b", callKey, "bridge 5 1001")));
        assertThat(again.stored()).isEmpty();
        assertThat(again.calls()).isEmpty();
        assertThat(intake.translate(account, SourceKind.ASTERISK, callKey)).get()
                .extracting(SourceIntake.CallOutcome::events).isEqualTo(3);
    }

    @Test
    void theSourcesEventsAreReplacedAndTheApisEventsOfTheCallAreKept() {
        String key = newAccount("sources-replace");
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'sources-replace'").query(Long.class).single();
        SourceIntake intake = intake(Instant.now());
        String callKey = UUID.randomUUID().toString();
        intake.accept(account, SourceKind.ASTERISK, List.of(doc("x1", callKey, "init 0 +905551112233 1000\nbridge 5 7")));
        // The same call gets a voicemail through the API's own dialect.
        Api.Response sent = api.post("/api/v3/call-events", key, """
                [{"id": "api-vm", "call_uuid": "%s", "action": "voicemail", "at": "%s",
                  "detail": {"type": "account", "id": 9}}]""".formatted(callKey, T0.plusSeconds(20)));
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        // A later document moves the bridge: the old bridge event goes, the API's voicemail stays.
        jdbc.sql("UPDATE source_documents SET body = 'init 0 +905551112233 1000\nbridge 8 7' WHERE doc_key = 'x1'"
                + " AND account_id = :a").param("a", account).update();
        intake.accept(account, SourceKind.ASTERISK, List.of(doc("x2", callKey, "hangup 40\nend")));
        Api.Response call = api.get("/api/v3/calls/" + callKey, key);
        assertThat(call.data().path("bridged_at").asString()).isEqualTo(ToyTranslator.at("8").toString());
        assertThat(call.data().path("voicemail_id").asLong()).isEqualTo(9);
        assertThat(jdbc.sql("SELECT count(*) FROM call_events WHERE call_uuid = CAST(:c AS uuid)")
                .param("c", callKey).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void aTranslationThatFailsKeepsTheDocumentsAndSaysWhyWithoutFailingTheRequest() {
        long account = accountId("sources-fail");
        SourceIntake intake = intake(Instant.now());
        SourceIntake.Receipt receipt = intake.accept(account, SourceKind.ASTERISK,
                List.of(doc("f1", "call-f", "init 0 +905551112233 1000"), doc("f2", "call-f", "boom")));
        assertThat(receipt.stored()).hasSize(2);
        assertThat(receipt.calls().getFirst().problem())
                .isEqualTo("the documents could not be translated: line 1 is not a toy line");
        SourceCall call = calls.recent(account, SourceKind.ASTERISK, 1).getFirst();
        assertThat(call.failed()).isTrue();
        assertThat(call.pending()).isFalse();
        assertThat(documents.forCall(account, SourceKind.ASTERISK, "call-f")).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM call_records WHERE account_id = :a").param("a", account)
                .query(Integer.class).single()).isZero();

        // What a translation says the documents lacked is kept beside a call that translated.
        intake.accept(account, SourceKind.ASTERISK, List.of(doc("g1", "call-g", "init 0 +905551112233 1000\nlacking")));
        assertThat(calls.recent(account, SourceKind.ASTERISK, 2)).filteredOn(c -> c.callKey().equals("call-g"))
                .singleElement()
                .extracting(SourceCall::failed, SourceCall::problem)
                .containsExactly(false, "the document has no caller");
    }

    @Test
    void aBatchsCallsTranslateTogetherAndOneThatFailsFailsNoOther() {
        String key = newAccount("sources-batch");
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'sources-batch'").query(Long.class).single();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        SourceIntake.Receipt receipt = intake(Instant.now()).accept(account, SourceKind.ASTERISK, List.of(
                doc("ba1", a, "init 0 +905551112233 1000\nbridge 3 7\nhangup 9\nend"),
                doc("bb1", b, "init 0 +905551112244 1000"), doc("bb2", b, "boom"),
                doc("bc1", c, "init 0 +905551112255 1000\nhangup 4\nend")));
        assertThat(receipt.calls()).extracting(SourceIntake.CallOutcome::callKey)
                .containsExactlyElementsOf(java.util.stream.Stream.of(a, b, c).sorted().toList());
        assertThat(receipt.calls()).filteredOn(o -> o.callKey().equals(b)).singleElement()
                .extracting(SourceIntake.CallOutcome::problem)
                .isEqualTo("the documents could not be translated: line 1 is not a toy line");
        assertThat(api.get("/api/v3/calls/" + a, key).data().path("call_duration").asInt()).isEqualTo(9);
        assertThat(api.get("/api/v3/calls/" + c, key).data().path("call_duration").asInt()).isEqualTo(4);
        assertThat(api.get("/api/v3/calls/" + b, key).status()).isEqualTo(404);
        assertThat(calls.recent(account, SourceKind.ASTERISK, 3))
                .extracting(SourceCall::callKey, SourceCall::failed, SourceCall::pending, SourceCall::finished)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a, false, false, true),
                        org.assertj.core.groups.Tuple.tuple(b, true, false, false),
                        org.assertj.core.groups.Tuple.tuple(c, false, false, true));

        // The same batch again changes nothing: its documents are retries.
        SourceIntake.Receipt again = intake(Instant.now()).accept(account, SourceKind.ASTERISK, List.of(
                doc("ba1", a, "init 0 +905551112233 1000\nbridge 3 7\nhangup 9\nend")));
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.calls()).isEmpty();
    }

    @Test
    void aCallThePlatformNeverEndsEndsAfterTheQuietPeriodAtTheLastTimeItHad() {
        String key = newAccount("sources-quiet");
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'sources-quiet'").query(Long.class).single();
        String callKey = UUID.randomUUID().toString();
        intake(Instant.now()).accept(account, SourceKind.ASTERISK,
                List.of(doc("q1", callKey, "init 0 +905551112233 1000\nbridge 12 7")));
        assertThat(api.get("/api/v3/calls/" + callKey, key).data().path("ended_at").isNull()).isTrue();

        Instant later = Instant.now().plus(properties.sources().quietPeriod()).plusSeconds(60);
        SourceIntake intake = intake(later);
        int swept = new SourceSweeper(calls, intake, Clock.fixed(later, ZoneOffset.UTC), properties).sweep();
        assertThat(swept).isGreaterThanOrEqualTo(1);
        Api.Response ended = api.get("/api/v3/calls/" + callKey, key);
        assertThat(ended.data().path("ended_at").asString()).isEqualTo(ToyTranslator.at("12").toString());
        assertThat(ended.data().path("hangup_by").asString()).isEqualTo("system");
        assertThat(calls.recent(account, SourceKind.ASTERISK, 1).getFirst().finished()).isTrue();
    }

    @Test
    void aCallACrashLeftPendingIsTranslatedByTheSweeper() {
        String key = newAccount("sources-pending");
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'sources-pending'").query(Long.class).single();
        String callKey = UUID.randomUUID().toString();
        // Stored and acknowledged, then the node died before translating.
        documents.insertNew(account, SourceKind.ASTERISK, List.of(doc("p1", callKey, "init 0 +905551112233 1000\nhangup 9\nend")));
        calls.received(account, SourceKind.ASTERISK, Map.of(callKey, 1), Instant.now());
        assertThat(api.get("/api/v3/calls/" + callKey, key).status()).isEqualTo(404);

        Instant later = Instant.now().plus(SourceSweeper.PENDING_GRACE).plusSeconds(1);
        new SourceSweeper(calls, intake(later), Clock.fixed(later, ZoneOffset.UTC), properties).sweep();
        assertThat(api.get("/api/v3/calls/" + callKey, key).data().path("call_duration").asInt()).isEqualTo(9);
    }

    @Test
    void rawDocumentsAreDeletedAfterTheProfilesRetentionAndTheCallStays() {
        String key = newAccount("sources-retention");
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'sources-retention'").query(Long.class).single();
        String callKey = UUID.randomUUID().toString();
        intake(Instant.now()).accept(account, SourceKind.ASTERISK,
                List.of(doc("r1", callKey, "init 0 +905551112233 1000\nhangup 9\nend")));
        profiles.write(account, SourceKind.ASTERISK, Map.of("raw_document_retention_days", 2));
        Clock inOneDay = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        new RawDocumentRetention(documents, calls, profiles, inOneDay, List.of()).run();
        assertThat(documents.forCall(account, SourceKind.ASTERISK, callKey)).hasSize(1);
        Clock inThreeDays = Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC);
        new RawDocumentRetention(documents, calls, profiles, inThreeDays, List.of()).run();
        assertThat(documents.forCall(account, SourceKind.ASTERISK, callKey)).isEmpty();
        assertThat(api.get("/api/v3/calls/" + callKey, key).status()).isEqualTo(200);
    }

    @Test
    void asterisksGroupRowsGoWithTheRawDocumentsOfTheirCall() throws Exception {
        String key = newAccount("sources-asterisk-retention");
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'sources-asterisk-retention'")
                .query(Long.class).single();
        String pickup;
        try (var in = getClass().getResourceAsStream("/sources/asterisk/pickup.csv")) {
            pickup = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Api.Response posted = api.send(api.request("/api/v3/sources/asterisk/cel", key)
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(pickup)));
        assertThat(posted.status()).isEqualTo(200);
        String callKey = posted.data().path("calls").get(0).path("call_key").asString();
        // The pickup joined two linkedids into one call; a group row of another account stays whatever happens here.
        assertThat(groupRows(account)).containsExactly(2L, 4L);
        long otherAccount = accountId("sources-asterisk-retention-other");
        jdbc.sql("INSERT INTO asterisk_linkedids (account_id, linkedid, call_key, first_seen_at)"
                + " VALUES (:a, 'x.1', 'x.1', now() - interval '400 days')").param("a", otherAccount).update();
        profiles.write(account, SourceKind.ASTERISK, Map.of("raw_document_retention_days", 2));

        Clock inOneDay = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        new RawDocumentRetention(documents, calls, profiles, inOneDay, pruning).run();
        assertThat(documents.forCall(account, SourceKind.ASTERISK, callKey)).isNotEmpty();
        assertThat(groupRows(account)).containsExactly(2L, 4L);

        Clock inThreeDays = Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC);
        new RawDocumentRetention(documents, calls, profiles, inThreeDays, pruning).run();
        assertThat(documents.forCall(account, SourceKind.ASTERISK, callKey)).isEmpty();
        assertThat(groupRows(account)).containsExactly(0L, 0L);
        assertThat(groupRows(otherAccount)).containsExactly(1L, 0L); // it has calls of no source: not its turn
        assertThat(api.get("/api/v3/calls/" + CallUuids.of(SourceKind.ASTERISK, callKey), key).status())
                .isEqualTo(200);
    }

    /** The account's rows in asterisk_linkedids and asterisk_channels. */
    private List<Long> groupRows(long account) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM asterisk_linkedids WHERE account_id = :a),
                               (SELECT count(*) FROM asterisk_channels WHERE account_id = :a)""")
                .param("a", account).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    @Test
    void theProfileInForceIsTheNewestAndTheDefaultsWithoutOne() {
        long account = accountId("sources-profile");
        assertThat(profiles.read(account, SourceKind.ASTERISK, ToyProfile.class, new ToyProfile("Main menu")))
                .isEqualTo(new ToyProfile("Main menu"));
        assertThat(profiles.write(account, SourceKind.ASTERISK, new ToyProfile("Support line"))).isEqualTo(1);
        assertThat(profiles.write(account, SourceKind.ASTERISK, new ToyProfile("Sales line"))).isEqualTo(2);
        assertThat(profiles.read(account, SourceKind.ASTERISK, ToyProfile.class, null)).isEqualTo(new ToyProfile("Sales line"));
        assertThat(profiles.retentionDays(account, SourceKind.ASTERISK)).isEqualTo(SourceProfiles.DEFAULT_RETENTION_DAYS);
    }

    @Test
    void aCallsUuidIsItsKeyWhenTheKeyIsAUuidAndStableOtherwise() {
        UUID uuid = UUID.randomUUID();
        assertThat(CallUuids.of(SourceKind.FREESWITCH, uuid.toString())).isEqualTo(uuid);
        assertThat(CallUuids.of(SourceKind.ASTERISK, "1733400000.42"))
                .isEqualTo(CallUuids.of(SourceKind.ASTERISK, "1733400000.42"))
                .isNotEqualTo(CallUuids.of(SourceKind.FREESWITCH, "1733400000.42"));
    }
}
