package io.callrecords.sources.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.CallEvent;
import io.callrecords.people.EntryKind;
import io.callrecords.sources.CallDocuments;
import io.callrecords.sources.DirectoryIds;
import io.callrecords.sources.SourceDocument;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The translation alone, no service: every case of {@link CdrFixtures} gives the same events in every encoding,
 * whatever the legs' order and however often each comes; and what the events say where it matters.
 */
class FreeswitchTranslatorTest {

    /** Ids as the directory gives them: one per ref, the same whenever asked. */
    static final DirectoryIds IDS = (kind, ref, name) -> Math.floorMod((kind + ":" + ref).hashCode(), 1_000_000) + 1L;

    static List<String> cases() {
        return CdrFixtures.CASES;
    }

    static long id(EntryKind kind, String ref) {
        return IDS.id(kind, ref, null);
    }

    /** The documents as the intake keeps them, grouped into the A-leg's call. */
    static Translation translate(CdrFixtures.Case c, List<String> legs, CdrFixtures.Encoding encoding) {
        List<SourceDocument> docs = new ArrayList<>();
        long id = 0;
        for (String legJson : legs) {
            CdrBody.Decoded decoded = CdrBody.decode(encoding.contentType, encoding.body(legJson));
            Leg leg = Leg.read(decoded.document());
            if (c.aLeg().equals(LegKeys.callKey(leg))) {
                docs.add(new SourceDocument(++id, SourceKind.FREESWITCH, LegKeys.docKey(leg), LegKeys.callKey(leg),
                        decoded.contentType(), decoded.document(), null, Instant.EPOCH));
            }
        }
        return new FreeswitchTranslator().translate(new CallDocuments(1, SourceKind.FREESWITCH, c.aLeg(),
                UUID.fromString(c.aLeg()), docs), FreeswitchProfile.defaults(), IDS);
    }

    static List<String> lines(Translation t) {
        return t.events().stream().map(e -> e.at().getEpochSecond() * 1000 + e.at().getNano() / 1_000_000 + " "
                + e.action().wire() + " " + e.detail().wire()).toList();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyEncodingOrderAndRetryGivesTheSameEvents(String name) {
        CdrFixtures.Case c = CdrFixtures.load(name);
        Translation reference = translate(c, List.copyOf(c.legs().values()), CdrFixtures.Encoding.RAW_JSON);
        assertThat(reference.finished()).isTrue();
        assertThat(reference.problems()).isEmpty();
        assertThat(reference.events()).isNotEmpty();
        for (CdrFixtures.Encoding encoding : CdrFixtures.Encoding.values()) {
            for (long seed = 1; seed <= 4; seed++) {
                assertThat(lines(translate(c, c.duplicatedAndShuffled(seed), encoding)))
                        .as(name + " " + encoding + " seed " + seed).isEqualTo(lines(reference));
            }
        }
    }

    @Test
    void aBLegAloneMakesNoCallYet() {
        CdrFixtures.Case c = CdrFixtures.load("bridged");
        Translation t = translate(c, List.of(c.legs().get("b1")), CdrFixtures.Encoding.RAW_JSON);
        assertThat(t.events()).isEmpty();
        assertThat(t.finished()).isFalse();
    }

    @Test
    void aRingGroupsLoserFailsWithLoseRaceWhenTheWinnerIsBridged() {
        CdrFixtures.Case c = CdrFixtures.load("ring_group_answered");
        long t0 = c.startSecond() * 1000;
        long u1001 = id(EntryKind.USER, "1001@pbx.example.com");
        long u1002 = id(EntryKind.USER, "1002@pbx.example.com");
        long team = id(EntryKind.TEAM, "ring-group:c0ffee00-0000-4000-8000-000000002000@pbx.example.com");
        assertThat(lines(translate(c, List.of(c.legs().get("a")), CdrFixtures.Encoding.RAW_JSON))).containsExactly(
                t0 + " init {caller={number=+905321234567, type=contact}, callee={number=+908502010000, type=team, id="
                        + team + "}, direction=inbound, number_id=" + id(EntryKind.NUMBER, "+908502010000") + "}",
                (t0 + 100) + " route {type=team, id=" + team + "}",
                (t0 + 100) + " bridge_attempt {type=user, id=" + u1001 + "}",
                (t0 + 100) + " bridge_attempt {type=user, id=" + u1002 + "}",
                (t0 + 7500) + " answer {type=user, id=" + u1002 + "}",
                (t0 + 7500) + " bridge {type=user, id=" + u1002 + "}",
                (t0 + 7500) + " bridge_fail {type=user, id=" + u1001 + ", result=LOSE_RACE}",
                (t0 + 48000) + " hangup {hangup_by=user}");
    }

    @Test
    void aQueueAnswersTheCallerAndItsAgentIsBridgedAfterOneWhoDidNotAnswer() {
        CdrFixtures.Case c = CdrFixtures.load("queue_answered");
        long t0 = c.startSecond() * 1000;
        long team = id(EntryKind.TEAM, "queue:support@pbx.example.com");
        long u1003 = id(EntryKind.USER, "1003@pbx.example.com");
        long u1004 = id(EntryKind.USER, "1004@pbx.example.com");
        List<String> all = lines(translate(c, List.copyOf(c.legs().values()), CdrFixtures.Encoding.RAW_JSON));
        assertThat(all).containsSubsequence(
                (t0 + 1900) + " answer {type=team, id=" + team + "}",
                (t0 + 2000) + " route {type=team, id=" + team + "}",
                (t0 + 3000) + " bridge_attempt {type=user, id=" + u1003 + "}",
                (t0 + 18000) + " bridge_fail {type=user, id=" + u1003 + ", result=NO_ANSWER}",
                (t0 + 18500) + " bridge_attempt {type=user, id=" + u1004 + "}",
                (t0 + 20000) + " bridge {type=user, id=" + u1004 + "}",
                (t0 + 80200) + " hangup {hangup_by=user}");
        // Without the agent legs (FusionPBX's log-b-leg=false) the member leg still names who answered.
        List<String> aOnly = lines(translate(c, List.of(c.legs().get("a")), CdrFixtures.Encoding.RAW_JSON));
        assertThat(aOnly).contains((t0 + 20000) + " bridge {type=user, id=" + u1004 + "}");
    }

    @Test
    void aCdrWithoutAStartIsReportedNotGuessed() {
        CdrFixtures.Case c = CdrFixtures.load("ivr_short_hangup");
        String noStart = c.legs().get("a").replaceAll("\"start_u?epoch\": \"\\d+\"", "\"start_uepoch\": \"0\"");
        Translation t = translate(c, List.of(noStart), CdrFixtures.Encoding.RAW_JSON);
        assertThat(t.events()).isEmpty();
        assertThat(t.problems()).singleElement().asString().contains("has no start_uepoch");
    }

    @Test
    void dialStringsNameTheNumbersTheyRing() {
        assertThat(CallTranslation.targets("{ignore_early_media=true}[leg_timeout=30]user/1001@pbx.example.com,"
                + "[leg_timeout=30]user/1002@pbx.example.com|sofia/gateway/trunk1/+905321234567"))
                .containsExactly("1001", "1002", "+905321234567");
        assertThat(CallTranslation.targets("loopback/1003/default:_:sofia/internal/1004@192.0.2.1"))
                .containsExactly("1003", "1004");
    }

    @Test
    void encodedValuesAreDecodedAndPlainOnesKept() {
        assertThat(Leg.decode("%2B905321234567")).isEqualTo("+905321234567");
        assertThat(Leg.decode("Ay%C5%9Fe%20Y%C4%B1lmaz")).isEqualTo("Ayşe Yılmaz");
        assertThat(Leg.decode("+905321234567")).isEqualTo("+905321234567");
        assertThat(Leg.decode("100% sure")).isEqualTo("100% sure");
    }

    @Test
    void aBodyInNoKnownEncodingNamesTheEncodingsTried() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CdrBody.decode("text/plain",
                        "hello=world".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(CdrBody.Unreadable.class)
                .hasMessageContaining("raw JSON").hasMessageContaining("base64").hasMessageContaining("form-encoded");
    }

    @Test
    void eventIdsAreUniqueWithinTheCall() {
        for (String name : CdrFixtures.CASES) {
            CdrFixtures.Case c = CdrFixtures.load(name);
            List<CallEvent> events = translate(c, List.copyOf(c.legs().values()), CdrFixtures.Encoding.RAW_JSON).events();
            assertThat(events.stream().map(CallEvent::id).distinct().count()).as(name).isEqualTo(events.size());
        }
    }
}
