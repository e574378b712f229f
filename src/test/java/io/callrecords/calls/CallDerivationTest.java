package io.callrecords.calls;

import static io.callrecords.calls.CallScript.ACCOUNT_NUMBER;
import static io.callrecords.calls.CallScript.CALL;
import static io.callrecords.calls.CallScript.CONTACT_NUMBER;
import static io.callrecords.calls.CallScript.NUMBER_ID;
import static io.callrecords.calls.CallScript.inboundInit;
import static io.callrecords.calls.CallScript.internalInit;
import static io.callrecords.calls.CallScript.outboundInit;
import static io.callrecords.calls.EndpointType.CONTACT;
import static io.callrecords.calls.EndpointType.GREETING;
import static io.callrecords.calls.EndpointType.TEAM;
import static io.callrecords.calls.EndpointType.USER;
import static io.callrecords.calls.MissingCallReason.ABANDONED;
import static io.callrecords.calls.MissingCallReason.CALLBACK;
import static io.callrecords.calls.MissingCallReason.DENYLIST;
import static io.callrecords.calls.MissingCallReason.OUT_OF_BUSINESS_HOURS;
import static io.callrecords.calls.MissingCallReason.SHORT_ABANDONED;
import static io.callrecords.calls.TestSettings.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callrecords.accounts.AccountSettings;
import io.callrecords.calls.AddressBook.Match;
import io.callrecords.calls.EventDetail.Init;
import io.callrecords.calls.EventDetail.Party;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per rule of call-records.md §3 (and per missing-call reason). Unless a case says otherwise the account
 * is in Europe/Istanbul, open Monday to Friday 09:00–18:00, and the call starts on Thursday 2026-03-26 at
 * 16:00:00.250 Istanbul time: open there, but already closed in Asia/Kolkata, the zone the test JVM runs in, so a
 * rule that read the JVM's zone would fail.
 */
class CallDerivationTest {

    static final String THURSDAY_AFTERNOON = "2026-03-26T13:00:00.250Z";
    static final AccountSettings SETTINGS = account().build();

    record Case(String name, AccountSettings settings, AddressBook addressBook, List<CallEvent> events,
                Consumer<DerivedRecord> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derives(Case rule) {
        Optional<DerivedRecord> record = CallDerivation.derive(rule.settings(), rule.events(), rule.addressBook());

        assertThat(record).hasValueSatisfying(rule.expect());
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(directionAndTimes());
        cases.addAll(connections());
        cases.addAll(missingCalls());
        cases.addAll(businessHours());
        cases.addAll(otherFields());
        cases.addAll(addressBook());
        return cases.stream();
    }

    static List<Case> directionAndTimes() {
        return List.of(
                c("§3.1 init.direction wins over the parties' types",
                        call().init(new Init(new Party("101", USER, 31L), new Party("102", USER, 32L),
                                Direction.INBOUND, null, null, null, null)),
                        r -> assertThat(r.direction()).isEqualTo(Direction.INBOUND)),
                c("§3.1 user to user is internal", call().init(internalInit(31, 32)),
                        r -> assertThat(r.direction()).isEqualTo(Direction.INTERNAL)),
                c("§3.1 user to contact is outbound", call().init(outboundInit(31)),
                        r -> assertThat(r.direction()).isEqualTo(Direction.OUTBOUND)),
                c("§3.1 contact to the account is inbound", call().init(inboundInit()),
                        r -> assertThat(r.direction()).isEqualTo(Direction.INBOUND)),
                c("§3.2 times keep milliseconds; answered_at is the first answer (IVR), bridged_at the first bridge",
                        call().init(inboundInit()).after(1_200).answer(GREETING, 1L).after(5_000).route(TEAM, 5L)
                                .after(300).ring(11).after(4_000).bridge(11).after(60_000).answer(USER, 12L)
                                .after(7).hangup(HangupBy.USER),
                        r -> {
                            assertThat(r.startedAt()).isEqualTo(at(THURSDAY_AFTERNOON));
                            assertThat(r.answeredAt()).isEqualTo(at("2026-03-26T13:00:01.450Z"));
                            assertThat(r.bridgedAt()).isEqualTo(at("2026-03-26T13:00:10.750Z"));
                            assertThat(r.endedAt()).isEqualTo(at("2026-03-26T13:01:10.757Z"));
                        }),
                c("§3.2 before hangup: ended_at, call_duration, missing_call and its reason are null",
                        call().init(inboundInit()).after(1_000).answer(GREETING, 1L).after(30_000).route(TEAM, 5L),
                        r -> assertThat(r).extracting(DerivedRecord::endedAt, DerivedRecord::callDuration,
                                        DerivedRecord::missingCall, DerivedRecord::missingCallReason, DerivedRecord::hangupBy)
                                .containsOnlyNulls()),
                c("§3.6 call_duration is truncated on the millisecond times (00.900 → 03.100 is 2 s, not 3)",
                        CallScript.startingAt("2026-03-26T13:00:00.900Z").init(outboundInit(31)).after(1_000)
                                .answer(CONTACT, null).after(1_200).hangup(HangupBy.CONTACT),
                        r -> assertThat(r.callDuration()).isEqualTo(2)),
                c("§3.5 first_touch_duration truncates: connected after 4.999 s is 4",
                        call().init(inboundInit()).after(4_999).bridge(11).after(10_000).hangup(HangupBy.USER),
                        r -> assertThat(r.firstTouchDuration()).isEqualTo(4)),
                c("§2 an event sent twice counts once",
                        withDuplicates(call().init(inboundInit()).after(1_000).answer(GREETING, 1L).after(3_000)
                                .hangup(HangupBy.CONTACT)),
                        r -> {
                            assertThat(r.callFlow()).extracting(CallRecord.FlowEntry::action)
                                    .containsExactly(CallAction.HANGUP, CallAction.ANSWER, CallAction.INIT);
                            assertThat(r.endedAt()).isEqualTo(at("2026-03-26T13:00:04.250Z"));
                        }),
                c("§2 events of one millisecond are ordered by arrival: the later-arriving connection is the last",
                        call().init(inboundInit()).after(2_000).answer(USER, 21L).bridge(22).after(5_000)
                                .hangup(HangupBy.USER),
                        r -> assertThat(r.userId()).isEqualTo(22L)),
                c("§2 a tie of at goes to the later arrival, not to list order or id (answer arrives last)",
                        sameMillisecond(new Tied("a", 3, new EventDetail.Answer(USER, 21L)),
                                new Tied("z", 2, new EventDetail.Bridge(22))),
                        r -> assertThat(r.userId()).isEqualTo(21L)),
                c("§2 a tie of at goes to the later arrival, not to list order or id (bridge arrives last)",
                        sameMillisecond(new Tied("z", 2, new EventDetail.Answer(USER, 21L)),
                                new Tied("a", 3, new EventDetail.Bridge(22))),
                        r -> assertThat(r.userId()).isEqualTo(22L)));
    }

    static List<Case> connections() {
        return List.of(
                c("§3.3 a user answering directly (answer type user, no bridge) is connected",
                        call().init(inboundInit()).after(2_000).answer(USER, 21L).after(30_000)
                                .hangup(HangupBy.CONTACT),
                        r -> {
                            assertThat(r.missingCall()).isFalse();
                            assertThat(r.missingCallReason()).isNull();
                            assertThat(r.userId()).isEqualTo(21L);
                            assertThat(r.bridgedAt()).isNull();
                            assertThat(r.connectedAt()).isEqualTo(at("2026-03-26T13:00:02.250Z"));
                            assertThat(r.firstTouchDuration()).isEqualTo(2);
                        }),
                c("§3.3 rings that fail are no connection: missed, no user, first touch 0",
                        call().init(inboundInit()).after(1_000).route(TEAM, 5L).ring(11).after(20_000).bridgeFail(11)
                                .after(500).hangup(HangupBy.CONTACT),
                        r -> {
                            assertThat(r.missingCall()).isTrue();
                            assertThat(r.userId()).isNull();
                            assertThat(r.firstTouchDuration()).isZero();
                            assertThat(r.connected()).isFalse();
                        }),
                c("§3.4 user_id is the user of the last connection, after a transfer; first touch is the first",
                        call().init(inboundInit()).after(6_000).bridge(11).after(40_000).ring(12).after(3_000)
                                .bridge(12).after(60_000).hangup(HangupBy.USER),
                        r -> {
                            assertThat(r.userId()).isEqualTo(12L);
                            assertThat(r.firstTouchDuration()).isEqualTo(6);
                            assertThat(r.bridgedAt()).isEqualTo(at("2026-03-26T13:00:06.250Z"));
                        }),
                c("§3.4 an outbound call never connected to a user has the calling user as user_id",
                        call().init(outboundInit(31)).after(3_000).answer(CONTACT, null).after(9_000)
                                .hangup(HangupBy.USER),
                        r -> assertThat(r.userId()).isEqualTo(31L)),
                c("§3.4 an inbound call never connected has no user_id",
                        call().init(inboundInit()).after(9_000).hangup(HangupBy.CONTACT),
                        r -> assertThat(r.userId()).isNull()),
                c("§3.4 an internal call answered by the callee has the callee as user_id",
                        call().init(internalInit(31, 32)).after(2_000).answer(USER, 32L).after(9_000)
                                .hangup(HangupBy.USER),
                        r -> assertThat(r.userId()).isEqualTo(32L)));
    }

    static List<Case> missingCalls() {
        return List.of(
                c("§3.7 an outbound call is never missing, even unanswered",
                        call().init(outboundInit(31)).after(1_000).hangup(HangupBy.USER),
                        r -> assertThat(r).extracting(DerivedRecord::missingCall, DerivedRecord::missingCallReason)
                                .containsExactly(false, null)),
                c("§3.7 an internal call is never missing, even unanswered",
                        call().init(internalInit(31, 32)).after(20_000).hangup(HangupBy.USER),
                        r -> assertThat(r).extracting(DerivedRecord::missingCall, DerivedRecord::missingCallReason)
                                .containsExactly(false, null)),
                c("§3.7 an inbound call bridged to a user is not missing",
                        call().init(inboundInit()).after(5_000).bridge(11).after(1_000).hangup(HangupBy.USER),
                        r -> assertThat(r).extracting(DerivedRecord::missingCall, DerivedRecord::missingCallReason)
                                .containsExactly(false, null)),
                c("§3.7.4 answered only by the IVR, caller hangs up after 2 s → short_abandoned",
                        call().init(inboundInit()).after(300).answer(GREETING, 1L).after(1_700)
                                .hangup(HangupBy.CONTACT),
                        missing(SHORT_ABANDONED)),
                c("§3.7.5 answered only by the IVR, caller hangs up after 11 s → abandoned",
                        call().init(inboundInit()).after(300).answer(GREETING, 1L).after(10_700)
                                .hangup(HangupBy.CONTACT),
                        missing(ABANDONED)),
                c("§3.7.4 the exact duration counts: 2.999 s is below 3 s → short_abandoned",
                        call().init(inboundInit()).after(2_999).hangup(HangupBy.CONTACT), missing(SHORT_ABANDONED)),
                c("§3.7.5 exactly 3.000 s is not below 3 s → abandoned",
                        call().init(inboundInit()).after(3_000).hangup(HangupBy.CONTACT), missing(ABANDONED)),
                c("§3.7.4 whoever hung up: the system after 1 s → short_abandoned",
                        call().init(inboundInit()).after(1_000).hangup(HangupBy.SYSTEM), missing(SHORT_ABANDONED)),
                c("§3.7.4 the account's short_abandon_seconds (10): 9 s → short_abandoned",
                        account().shortAbandonSeconds(10).build(),
                        call().init(inboundInit()).after(9_000).hangup(HangupBy.CONTACT), missing(SHORT_ABANDONED)),
                c("§3.7.3 a callback request → callback, even when the call was short",
                        call().init(inboundInit()).after(500).route(TEAM, 5L).after(1_000).callbackRequest(5)
                                .after(200).hangup(HangupBy.SYSTEM),
                        missing(CALLBACK)),
                c("§3.7.1 denylist: the exact number",
                        account().denylist("+905550000000", CONTACT_NUMBER).build(),
                        call().init(inboundInit()).after(500).hangup(HangupBy.SYSTEM), missing(DENYLIST)),
                c("§3.7.1 denylist: a prefix ending in *",
                        account().denylist("+90532*").build(),
                        call().init(inboundInit()).after(20_000).hangup(HangupBy.SYSTEM), missing(DENYLIST)),
                c("§3.7.1 denylist: an entry without * matches only the exact number, not as a prefix",
                        account().denylist("+90532", "+9053212345678").build(),
                        call().init(inboundInit()).after(20_000).hangup(HangupBy.CONTACT), missing(ABANDONED)),
                c("§3.7.1 denylist beats business hours (Saturday)",
                        account().denylist("+90532*").build(),
                        CallScript.startingAt("2026-03-28T10:00:00Z").init(inboundInit()).after(1_000)
                                .hangup(HangupBy.SYSTEM),
                        missing(DENYLIST)),
                c("§3.7.1 a denylisted caller who reached a user is not missing",
                        account().denylist(CONTACT_NUMBER).build(),
                        call().init(inboundInit()).after(1_000).bridge(11).after(1_000).hangup(HangupBy.USER),
                        r -> assertThat(r).extracting(DerivedRecord::missingCall, DerivedRecord::missingCallReason)
                                .containsExactly(false, null)));
    }

    static List<Case> businessHours() {
        AccountSettings berlin = account().zone("Europe/Berlin")
                .hours(TestSettings.open("09:00", "17:00", Set.of(DayOfWeek.values()))).build();
        AccountSettings newYork = account().zone("America/New_York")
                .hours(TestSettings.open("09:00", "17:00", Set.of(DayOfWeek.values()))).build();
        return List.of(
                c("§3.7.2 a closed day (Saturday) → out_of_business_hours",
                        CallScript.startingAt("2026-03-28T10:00:00Z").init(inboundInit()).after(20_000)
                                .hangup(HangupBy.CONTACT),
                        missing(OUT_OF_BUSINESS_HOURS)),
                c("§3.7.2 07:00 in Istanbul is closed although 09:30 in the JVM's zone (Kolkata) would be open",
                        CallScript.startingAt("2026-03-26T04:00:00Z").init(inboundInit()).after(20_000)
                                .hangup(HangupBy.CONTACT),
                        missing(OUT_OF_BUSINESS_HOURS)),
                c("§3.7.2 16:00 in Istanbul is open although 18:30 in the JVM's zone (Kolkata) would be closed",
                        call().init(inboundInit()).after(20_000).hangup(HangupBy.CONTACT), missing(ABANDONED)),
                c("§3.7.2 a closed date → out_of_business_hours on an otherwise open Thursday",
                        account().hours(TestSettings.open("09:00", "18:00", TestSettings.WEEKDAYS,
                                Set.of(LocalDate.parse("2026-10-29")))).build(),
                        CallScript.startingAt("2026-10-29T09:00:00Z").init(inboundInit()).after(20_000)
                                .hangup(HangupBy.CONTACT),
                        missing(OUT_OF_BUSINESS_HOURS)),
                c("§3.7.2 no business hours configured means always open (Sunday 03:00)",
                        account().hours(null).build(),
                        CallScript.startingAt("2026-03-29T00:00:00Z").init(inboundInit()).after(20_000)
                                .hangup(HangupBy.CONTACT),
                        missing(ABANDONED)),
                c("§3.7.2 the number's own schedule (by number id) overrides the account's: open on Saturday",
                        account().numberHours(Long.toString(NUMBER_ID), TestSettings.allWeek()).build(),
                        CallScript.startingAt("2026-03-28T10:00:00Z").init(inboundInit()).after(20_000)
                                .hangup(HangupBy.CONTACT),
                        missing(ABANDONED)),
                c("§3.7.2 the number's own schedule (by E.164 number) overrides the account's: closed on Thursday",
                        account().numberHours(ACCOUNT_NUMBER, TestSettings.never()).build(),
                        call().init(inboundInit()).after(20_000).hangup(HangupBy.CONTACT),
                        missing(OUT_OF_BUSINESS_HOURS)),
                c("§3.7.2 another number's schedule does not apply",
                        account().numberHours("718", TestSettings.never()).build(),
                        call().init(inboundInit()).after(20_000).hangup(HangupBy.CONTACT), missing(ABANDONED)),
                c("§3.7.2 Berlin, DST day 2026-03-29: 08:59 CEST (06:59Z) is before opening → out_of_business_hours",
                        berlin, CallScript.startingAt("2026-03-29T06:59:00Z").init(inboundInit()).after(20_000)
                                .hangup(HangupBy.CONTACT),
                        missing(OUT_OF_BUSINESS_HOURS)),
                c("§3.7.2 Berlin, DST day 2026-03-29: 09:01 CEST (07:01Z) is open → abandoned",
                        berlin, CallScript.startingAt("2026-03-29T07:01:00Z").init(inboundInit()).after(20_000)
                                .hangup(HangupBy.CONTACT),
                        missing(ABANDONED)),
                c("§3.7.2 New York, DST day 2026-03-08: 08:59 EDT (12:59Z) is before opening → out_of_business_hours",
                        newYork, CallScript.startingAt("2026-03-08T12:59:00Z").init(inboundInit()).after(20_000)
                                .hangup(HangupBy.CONTACT),
                        missing(OUT_OF_BUSINESS_HOURS)),
                c("§3.7.2 New York, DST day 2026-03-08: 09:01 EDT (13:01Z) is open → abandoned",
                        newYork, CallScript.startingAt("2026-03-08T13:01:00Z").init(inboundInit()).after(20_000)
                                .hangup(HangupBy.CONTACT),
                        missing(ABANDONED)),
                c("§3.7.2 out of business hours beats a callback request",
                        CallScript.startingAt("2026-03-28T10:00:00Z").init(inboundInit()).after(1_000)
                                .callbackRequest(5).after(1_000).hangup(HangupBy.SYSTEM),
                        missing(OUT_OF_BUSINESS_HOURS)));
    }

    static List<Case> otherFields() {
        return List.of(
                c("§3.8 the last voicemail event gives voicemail_type and voicemail_id; reaching it is no connection",
                        call().init(inboundInit()).after(1_000).voicemail(VoicemailType.USER, 21).after(1_000)
                                .route(EndpointType.VOICEMAIL, 3L).answer(EndpointType.VOICEMAIL, 3L)
                                .voicemail(VoicemailType.ACCOUNT, 3).after(30_000).hangup(HangupBy.CONTACT),
                        r -> {
                            assertThat(r.voicemailType()).isEqualTo(VoicemailType.ACCOUNT);
                            assertThat(r.voicemailId()).isEqualTo(3L);
                            assertThat(r.missingCallReason()).isEqualTo(ABANDONED);
                        }),
                c("§3.8 no voicemail event: voicemail fields are null",
                        call().init(inboundInit()).after(4_000).hangup(HangupBy.CONTACT),
                        r -> assertThat(r).extracting(DerivedRecord::voicemailType, DerivedRecord::voicemailId)
                                .containsOnlyNulls()),
                c("§1 team_touch_at is the first route to a team",
                        call().init(inboundInit()).route(GREETING, 1L).after(3_000).route(TEAM, 5L).after(20_000)
                                .route(TEAM, 6L).after(1_000).hangup(HangupBy.CONTACT),
                        r -> assertThat(r.teamTouchAt()).isEqualTo(at("2026-03-26T13:00:03.250Z"))),
                c("§1 no route to a team: team_touch_at is null",
                        call().init(inboundInit()).route(GREETING, 1L).after(3_000).hangup(HangupBy.CONTACT),
                        r -> assertThat(r.teamTouchAt()).isNull()),
                c("§1 hangup_by user", call().init(inboundInit()).after(9_000).hangup(HangupBy.USER),
                        r -> assertThat(r.hangupBy()).isEqualTo(HangupBy.USER)),
                c("§1 hangup_by contact", call().init(inboundInit()).after(9_000).hangup(HangupBy.CONTACT),
                        r -> assertThat(r.hangupBy()).isEqualTo(HangupBy.CONTACT)),
                c("§1 hangup_by system", call().init(inboundInit()).after(9_000).hangup(HangupBy.SYSTEM),
                        r -> assertThat(r.hangupBy()).isEqualTo(HangupBy.SYSTEM)),
                c("§1 callee_type and callee_id come from init; later routing does not change them",
                        call().init(inboundInit()).after(1_000).route(TEAM, 5L).after(1_000).route(USER, 11L)
                                .bridge(11).after(5_000).hangup(HangupBy.USER),
                        r -> assertThat(r).extracting(DerivedRecord::calleeType, DerivedRecord::calleeId)
                                .containsExactly(GREETING, 1L)),
                c("§1 number_id, channel and numbers come from init",
                        call().init(inboundInit()),
                        r -> assertThat(r).extracting(DerivedRecord::uuid, DerivedRecord::numberId, DerivedRecord::channelType,
                                        DerivedRecord::channelId, DerivedRecord::callerNumber, DerivedRecord::calleeNumber,
                                        DerivedRecord::callerType)
                                .containsExactly(CALL, NUMBER_ID, "number", NUMBER_ID, CONTACT_NUMBER, ACCOUNT_NUMBER,
                                        CONTACT)),
                c("§1 call_flow: the events newest first, unix-second timestamps, detail in Hipcall's entry form",
                        call().init(inboundInit()).after(1_000).answer(GREETING, 1L).after(2_000).ring(11)
                                .after(900).bridgeFail(11).after(100).hangup(HangupBy.CONTACT),
                        r -> {
                            assertThat(r.callFlow()).extracting(CallRecord.FlowEntry::action).containsExactly(
                                    CallAction.HANGUP, CallAction.BRIDGE_FAIL, CallAction.BRIDGE_ATTEMPT,
                                    CallAction.ANSWER, CallAction.INIT);
                            long start = at(THURSDAY_AFTERNOON).getEpochSecond();
                            assertThat(r.callFlow()).extracting(CallRecord.FlowEntry::timestamp)
                                    .containsExactly(start + 4, start + 4, start + 3, start + 1, start);
                            assertThat(r.callFlow().get(0).detail()).isEqualTo(Map.of("hangup_by", "contact"));
                            assertThat(r.callFlow().get(1).detail()).containsExactly(Map.entry("id", 11L),
                                    Map.entry("type", "user"), Map.entry("result", "no_answer"));
                            assertThat(r.callFlow().get(2).detail()).containsExactly(Map.entry("id", 11L),
                                    Map.entry("type", "user"));
                            assertThat(r.callFlow().get(3).detail()).containsExactly(Map.entry("id", 1L),
                                    Map.entry("type", "greeting"));
                            // init names where the call was first sent; the parties are the record's own fields
                            assertThat(r.callFlow().get(4).detail()).containsExactly(Map.entry("id", 1L),
                                    Map.entry("type", "greeting"));
                        }),
                c("§1 call_flow: an id that is none is written null, a numeric bridge_fail result is a number",
                        call().init(new EventDetail.Init(new EventDetail.Party("101", USER, 11L),
                                        new EventDetail.Party(CONTACT_NUMBER, CONTACT, null), null, NUMBER_ID, "number",
                                        NUMBER_ID, null))
                                .after(1_000).route(EndpointType.HANGUP, null)
                                .event(new EventDetail.BridgeFail(11, "17")).hangup(HangupBy.SYSTEM),
                        r -> {
                            assertThat(r.callFlow().get(1).detail()).containsExactly(Map.entry("id", 11L),
                                    Map.entry("type", "user"), Map.entry("result", 17));
                            assertThat(r.callFlow().get(2).detail()).containsExactly(entry("id", null),
                                    Map.entry("type", "hangup"));
                            assertThat(r.callFlow().get(3).detail()).containsExactly(entry("id", null),
                                    Map.entry("type", "contact"));
                        }));
    }

    static List<Case> addressBook() {
        AddressBook book = new TestAddressBook()
                .contact(501, 601L, CONTACT_NUMBER)
                .contact(777, 888L, "+905559998877")
                .company(602, "+902129999999");
        AddressBook knowsEveryone = number -> Optional.of(Match.contact(501, null));
        return List.of(
                c("§3.9 inbound: the caller's number finds a contact of a company",
                        SETTINGS, book, call().init(inboundInit()),
                        r -> assertThat(r).extracting(DerivedRecord::contactId, DerivedRecord::companyId,
                                        DerivedRecord::relatedType, DerivedRecord::relatedId, DerivedRecord::callerId)
                                .containsExactly(501L, 601L, RelatedType.CONTACT, 501L, 501L)),
                c("§3.9 inbound: the caller's number finds only a company; caller_id stays null",
                        SETTINGS, book, call().init(inboundInit("+902129999999")),
                        r -> assertThat(r).extracting(DerivedRecord::contactId, DerivedRecord::companyId,
                                        DerivedRecord::relatedType, DerivedRecord::relatedId, DerivedRecord::callerId)
                                .containsExactly(null, 602L, RelatedType.COMPANY, 602L, null)),
                c("§3.9 unknown number: no match, and the contact party's caller_id is null",
                        SETTINGS, book, call().init(new Init(new Party("+905051112233", CONTACT, 999L),
                                new Party(ACCOUNT_NUMBER, GREETING, 1L), null, NUMBER_ID, "number", NUMBER_ID, null)),
                        r -> assertThat(r).extracting(DerivedRecord::contactId, DerivedRecord::companyId,
                                        DerivedRecord::relatedType, DerivedRecord::relatedId, DerivedRecord::callerId)
                                .containsOnlyNulls()),
                c("§3.9 init.contact_id wins over the number's match and brings its company",
                        SETTINGS, book, call().init(withContactId(inboundInit(), 777L)),
                        r -> assertThat(r).extracting(DerivedRecord::contactId, DerivedRecord::companyId,
                                        DerivedRecord::relatedType, DerivedRecord::relatedId, DerivedRecord::callerId)
                                .containsExactly(777L, 888L, RelatedType.CONTACT, 777L, 777L)),
                c("§3.9 init.contact_id unknown to the address book is still the contact, without a company",
                        SETTINGS, book, call().init(withContactId(inboundInit(), 4242L)),
                        r -> assertThat(r).extracting(DerivedRecord::contactId, DerivedRecord::companyId,
                                        DerivedRecord::relatedType, DerivedRecord::relatedId, DerivedRecord::callerId)
                                .containsExactly(4242L, null, RelatedType.CONTACT, 4242L, 4242L)),
                c("§3.9 outbound: the callee is the contact party; the calling user keeps caller_id",
                        SETTINGS, book, call().init(outboundInit(31)),
                        r -> assertThat(r).extracting(DerivedRecord::contactId, DerivedRecord::relatedId,
                                        DerivedRecord::calleeId, DerivedRecord::callerId)
                                .containsExactly(501L, 501L, 501L, 31L)),
                c("§3.9 internal: no contact party, so no match even for a book that knows every number",
                        SETTINGS, knowsEveryone, call().init(new Init(new Party("+905321112233", USER, 31L),
                                new Party("+905322223344", USER, 32L), null, null, null, null, null)),
                        r -> assertThat(r).extracting(DerivedRecord::contactId, DerivedRecord::relatedType,
                                        DerivedRecord::callerId, DerivedRecord::calleeId)
                                .containsExactly(null, null, 31L, 32L)));
    }

    @Test
    void noInitNoRecord() {
        List<CallEvent> withoutInit = call().after(1_000).answer(GREETING, 1L).after(2_000)
                .hangup(HangupBy.CONTACT).events();

        assertThat(CallDerivation.derive(SETTINGS, withoutInit, AddressBook.EMPTY)).isEmpty();
        assertThat(CallDerivation.derive(SETTINGS, List.of(), AddressBook.EMPTY)).isEmpty();
    }

    @Test
    void lateInitShowsTheCall() {
        List<CallEvent> events = new ArrayList<>(call().init(inboundInit()).after(3_000).hangup(HangupBy.CONTACT)
                .events());
        CallEvent init = events.removeFirst();
        events.add(new CallEvent(init.id(), init.callUuid(), init.action(), init.at(), init.detail(), 99));

        assertThat(CallDerivation.derive(SETTINGS, events, AddressBook.EMPTY))
                .hasValueSatisfying(r -> assertThat(r.startedAt()).isEqualTo(at(THURSDAY_AFTERNOON)));
    }

    @Test
    void eventsOfTwoCallsAreABug() {
        List<CallEvent> events = new ArrayList<>(call().init(inboundInit()).events());
        events.add(CallEvent.of("other", UUID.randomUUID(), at(THURSDAY_AFTERNOON),
                new EventDetail.Hangup(HangupBy.USER), 2));

        assertThatThrownBy(() -> CallDerivation.derive(SETTINGS, events, AddressBook.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventKeepsMillisecondsAndItsDetailMatchesItsAction() {
        CallEvent event = CallEvent.of("e1", CALL, at("2026-03-26T13:00:00.123456789Z"),
                new EventDetail.Hangup(HangupBy.USER), 1);

        assertThat(event.at()).isEqualTo(at("2026-03-26T13:00:00.123Z"));
        assertThat(event.action()).isEqualTo(CallAction.HANGUP);
        assertThatThrownBy(() -> new CallEvent("e2", CALL, CallAction.ANSWER, event.at(), event.detail(), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wireNamesAreLowerSnakeCase() {
        assertThat(CallAction.BRIDGE_ATTEMPT.wire()).isEqualTo("bridge_attempt");
        assertThat(CallAction.fromWire("callback_request")).contains(CallAction.CALLBACK_REQUEST);
        assertThat(EndpointType.fromWire("smart_ivr")).contains(EndpointType.SMART_IVR);
        assertThat(MissingCallReason.OUT_OF_BUSINESS_HOURS.wire()).isEqualTo("out_of_business_hours");
        assertThat(CallAction.fromWire("BRIDGE")).isEmpty();
        assertThat(CallAction.fromWire("transfer")).isEmpty();
        assertThat(CallAction.fromWire(null)).isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    static CallScript call() {
        return CallScript.startingAt(THURSDAY_AFTERNOON);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static Case c(String name, CallScript script, Consumer<DerivedRecord> expect) {
        return c(name, SETTINGS, AddressBook.EMPTY, script.events(), expect);
    }

    static Case c(String name, AccountSettings settings, CallScript script, Consumer<DerivedRecord> expect) {
        return c(name, settings, AddressBook.EMPTY, script.events(), expect);
    }

    static Case c(String name, AccountSettings settings, AddressBook book, CallScript script,
                  Consumer<DerivedRecord> expect) {
        return c(name, settings, book, script.events(), expect);
    }

    static Case c(String name, List<CallEvent> events, Consumer<DerivedRecord> expect) {
        return c(name, SETTINGS, AddressBook.EMPTY, events, expect);
    }

    static Case c(String name, AccountSettings settings, AddressBook book, List<CallEvent> events,
                  Consumer<DerivedRecord> expect) {
        return new Case(name, settings, book, events, expect);
    }

    static Consumer<DerivedRecord> missing(MissingCallReason reason) {
        return r -> assertThat(r).extracting(DerivedRecord::missingCall, DerivedRecord::missingCallReason)
                .containsExactly(true, reason);
    }

    /** Every event delivered a second time, later, under the same id. */
    static List<CallEvent> withDuplicates(CallScript script) {
        List<CallEvent> events = new ArrayList<>(script.events());
        for (CallEvent e : script.events()) {
            events.add(new CallEvent(e.id(), e.callUuid(), e.action(), e.at(), e.detail(), e.arrival() + 100));
        }
        return events;
    }

    record Tied(String id, long arrival, EventDetail detail) {}

    /** An init, then {@code tied} all at one millisecond two seconds later, listed in the order given. */
    static List<CallEvent> sameMillisecond(Tied... tied) {
        List<CallEvent> events = new ArrayList<>(call().init(inboundInit()).events());
        Instant moment = at(THURSDAY_AFTERNOON).plusSeconds(2);
        for (Tied t : tied) {
            events.add(CallEvent.of(t.id(), CALL, moment, t.detail(), t.arrival()));
        }
        return events;
    }

    static Init withContactId(Init init, Long contactId) {
        return new Init(init.caller(), init.callee(), init.direction(), init.numberId(), init.channelType(),
                init.channelId(), contactId);
    }
}
