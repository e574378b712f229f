package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.CallAction;
import io.callrecords.calls.CallRecord.FlowEntry;
import io.callrecords.directory.Directory;
import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The call detail's words, its timeline order and its media links, without the app. */
class CallDetailWordsTest {

    @Test
    void spansDropAZeroLastPart() {
        assertThat(DetailWords.span(45)).isEqualTo("45 s");
        assertThat(DetailWords.span(589)).isEqualTo("9 min 49 s");
        assertThat(DetailWords.span(600)).isEqualTo("10 min");
        assertThat(DetailWords.span(7_500)).isEqualTo("2 h 5 min");
        assertThat(DetailWords.span(3 * 86_400 + 4 * 3600 + 59)).isEqualTo("3 d 4 h");
        assertThat(DetailWords.span(null)).isEmpty();
    }

    @Test
    void everyActionOfTheFlowHasWords() {
        assertThat(DetailWords.event("route", Map.of("type", "smart_ivr", "id", 4))).isEqualTo("Sent to smart IVR 4");
        assertThat(DetailWords.event("answer", Map.of("type", "contact"))).isEqualTo("Answered by a contact not in the address book");
        assertThat(DetailWords.event("bridge_fail", Map.of("type", "user", "id", 7))).isEqualTo("No conversation with user 7");
        assertThat(DetailWords.event("voicemail", Map.of("type", "account", "id", 2))).isEqualTo("Reached the account's voicemail box 2");
        assertThat(DetailWords.event("hangup", Map.of("hangup_by", "system"))).isEqualTo("Hung up by the system");
        assertThat(DetailWords.event("callback_request", Map.of())).isEqualTo("The caller asked to be called back");
        assertThat(DetailWords.event("some_new_action", Map.of())).isEqualTo("some new action");
    }

    @Test
    void theFlowNamesWhatTheDirectoryKnowsAndKeepsTheWordsOfWhatItDoesNot() {
        EntryNames names = new EntryNames(Map.of(
                EntryKind.USER, Map.of(7L, new EntryNames.Name("Ayşe Yılmaz", false),
                        8L, new EntryNames.Name("Mehmet Demir", true)),
                EntryKind.TEAM, Map.of(3L, new EntryNames.Name("Support queue", false)),
                EntryKind.GREETING, Map.of(4L, new EntryNames.Name("Main menu", false)),
                EntryKind.VOICEMAIL_BOX, Map.of(2L, new EntryNames.Name("After hours", false))));
        assertThat(DetailWords.event("route", Map.of("type", "smart_ivr", "id", 4), names)).isEqualTo("Sent to Main menu");
        assertThat(DetailWords.event("route", Map.of("type", "team", "id", 3), names)).isEqualTo("Sent to Support queue");
        assertThat(DetailWords.event("bridge", Map.of("type", "user", "id", 8), names))
                .isEqualTo("In conversation with Mehmet Demir (deleted)");
        assertThat(DetailWords.event("callback_request", Map.of("team_id", 3), names))
                .isEqualTo("The caller asked to be called back (Support queue)");
        assertThat(DetailWords.event("voicemail", Map.of("type", "account", "id", 2), names))
                .isEqualTo("Reached the voicemail box After hours");
        // voicemail_id is a box's id: user 7 is known, box 7 is not
        assertThat(DetailWords.event("voicemail", Map.of("type", "user", "id", 7), names))
                .isEqualTo("Reached the voicemail box of user 7");
        assertThat(DetailWords.event("bridge_attempt", Map.of("type", "user", "id", 9), names)).isEqualTo("Ringing user 9");
        assertThat(DetailWords.event("init", Map.of(
                "caller", Map.of("number", "101", "type", "user", "id", 7),
                "callee", Map.of("number", "+905321234567", "type", "contact")), names))
                .isEqualTo("Call started: 101 (Ayşe Yılmaz) called +905321234567 (a contact not in the address book)");
    }

    @Test
    void theFlowsContactPartyIsTheRecordsAddressBookMatch() {
        AddressBookWords matched = new AddressBookWords(504L, 12L,
                new Directory.Names(Map.of(504L, "Elif Kara"), Map.of(12L, "Kara Lojistik")));
        assertThat(DetailWords.event("answer", Map.of("type", "contact"), EntryNames.NONE, matched))
                .isEqualTo("Answered by Elif Kara");
        assertThat(DetailWords.endpoint("contact", 504, EntryNames.NONE, matched)).isEqualTo("Elif Kara");
        AddressBookWords company = new AddressBookWords(null, 12L,
                new Directory.Names(Map.of(), Map.of(12L, "Kara Lojistik")));
        assertThat(DetailWords.endpoint("contact", null, EntryNames.NONE, company))
                .isEqualTo("a number of Kara Lojistik");
        AddressBookWords unnamed = new AddressBookWords(504L, null, new Directory.Names(Map.of(), Map.of()));
        assertThat(DetailWords.endpoint("contact", null, EntryNames.NONE, unnamed)).isEqualTo("contact 504");
        assertThat(DetailWords.endpoint("contact", null, EntryNames.NONE, AddressBookWords.NONE))
                .isEqualTo("a contact not in the address book");
    }

    @Test
    void theNewestFirstFlowBecomesAnOldestFirstTimelineKeepingTiesInOrder() {
        List<FlowEntry> newestFirst = List.of(
                new FlowEntry(CallAction.HANGUP, Map.of("hangup_by", "contact"), 1_773_133_225L),
                new FlowEntry(CallAction.BRIDGE, Map.of("type", "user", "id", 7), 1_773_133_208L),
                new FlowEntry(CallAction.ANSWER, Map.of("type", "user", "id", 7), 1_773_133_208L),
                new FlowEntry(CallAction.INIT, Map.of(), 1_773_133_200L));
        List<FlowStep> steps = FlowStep.timeline(newestFirst, Instant.parse("2026-03-10T09:00:00Z"),
                ZoneId.of("Europe/Istanbul"));
        assertThat(steps).extracting(FlowStep::action).containsExactly("init", "answer", "bridge", "hangup");
        assertThat(steps).extracting(FlowStep::offset).containsExactly("+0 s", "+8 s", "+8 s", "+25 s");
        assertThat(steps.get(3).time()).isEqualTo("12:00:25");
        assertThat(steps.get(3).duration()).isEqualTo("PT25S");
    }

    @Test
    void aSignedLinkIsServedAsAPathOfThisSite() {
        assertThat(CallDetail.onThisSite("http://localhost:8080/media/v1/3/0b2c/recording?expires=17&signature=a-b_c"))
                .isEqualTo("/media/v1/3/0b2c/recording?expires=17&signature=a-b_c");
        assertThat(CallDetail.onThisSite(null)).isNull();
    }
}
