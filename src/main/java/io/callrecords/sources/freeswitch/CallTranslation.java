package io.callrecords.sources.freeswitch;

import io.callrecords.calls.CallEvent;
import io.callrecords.calls.Direction;
import io.callrecords.calls.EndpointType;
import io.callrecords.calls.EventDetail;
import io.callrecords.calls.HangupBy;
import io.callrecords.calls.VoicemailType;
import io.callrecords.people.EntryKind;
import io.callrecords.shared.PhoneNumbers;
import io.callrecords.sources.DirectoryIds;
import io.callrecords.sources.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One translation of one call's legs (research §2.4), used once. What the A-leg says is the backbone (times, the
 * dialplan's applications, the attempts FreeSWITCH made, the transfers); B-legs and mod_callcenter's agent legs,
 * when the PBX logs them, make the times of the attempts exact. The rules:
 * <ul>
 *   <li>the PBX answering (an IVR, a queue, voicemail) is {@code answer} of that endpoint; a person is {@code bridge};
 *       {@code answer_epoch} and {@code billsec} never mean a person answered;</li>
 *   <li>every leg rung is a {@code bridge_attempt}; one that ended without a conversation a {@code bridge_fail} with
 *       its cause ({@code LOSE_RACE}, {@code NO_ANSWER}, {@code USER_BUSY} ...);</li>
 *   <li>each bridge to a user is a {@code bridge}, transfers included, so the last user in conversation is the
 *       record's user;</li>
 *   <li>who hung up is the side {@code sip_hangup_disposition} names.</li>
 * </ul>
 */
final class CallTranslation {

    private static final Pattern EXTENSION = Pattern.compile("\\d{1," + PhoneNumbers.MAX_EXTENSION_DIGITS + "}");
    /** Causes of an originated leg that mean it was the one that answered (FreeSWITCH records NONE for the winner). */
    private static final Set<String> WINNING_CAUSES = Set.of("NONE", "SUCCESS", "NORMAL_CLEARING");
    private static final Pattern TARGET_USER = Pattern.compile("^(?:user|sofia/[^/]+|loopback)/([^@/]+)");

    private final UUID callUuid;
    private final Leg a;
    private final List<Leg> others;
    private final FreeswitchProfile profile;
    private final DirectoryIds ids;
    private final List<String> problems;
    private final String domain;
    private final List<Pending> events = new ArrayList<>();

    /** An event before its id: the rank orders events of one instant as a call unfolds. */
    private record Pending(long micros, int rank, String name, EventDetail detail) {}

    /** Where the dialplan sent the call. */
    private record Hop(EndpointType type, Long id, long micros) {}

    /** A leg FreeSWITCH rang for the call. */
    private record Attempt(String uuid, String number, long at, boolean won, long bridgedAt, long failedAt,
                           String cause) {}

    CallTranslation(UUID callUuid, Leg a, List<Leg> others, FreeswitchProfile profile, DirectoryIds ids,
                    List<String> problems) {
        this.callUuid = callUuid;
        this.a = a;
        this.others = others;
        this.profile = profile;
        this.ids = ids;
        this.problems = problems;
        String d = a.var("domain_name");
        this.domain = d != null ? d : a.switchName() != null ? a.switchName() : "freeswitch";
    }

    Translation translate() {
        long start = a.micros("start_uepoch");
        if (start == 0) {
            problems.add("the A-leg " + a.uuid() + " has no start_uepoch or start_epoch: the call cannot be placed in time");
            return new Translation(List.of(), true, problems);
        }
        long end = Math.max(start, a.micros("end_uepoch"));
        String callerRaw = first(a.callerNumber(), a.var("caller_id_number"), a.var("sip_from_user"));
        String dialedRaw = first(a.destination(), a.var("destination_number"), a.var("sip_req_user"));
        if (callerRaw == null || dialedRaw == null) {
            problems.add("the A-leg " + a.uuid() + " names no " + (callerRaw == null ? "caller" : "dialled") + " number");
            return new Translation(List.of(), true, problems);
        }
        String caller = number(callerRaw, "caller");
        String dialed = number(dialedRaw, "dialled");
        Direction direction = direction(caller, dialed);
        List<Hop> hops = hops(start, dialed, direction);
        List<Attempt> attempts = attempts(start, end);

        // init: where the call was first sent
        EventDetail.Party callerParty = direction == Direction.INBOUND
                ? new EventDetail.Party(caller, EndpointType.CONTACT, null)
                : new EventDetail.Party(caller, EndpointType.USER, user(callingExtension(caller), a.var("caller_id_name")));
        EventDetail.Party callee;
        if (direction == Direction.OUTBOUND) {
            callee = new EventDetail.Party(dialed, EndpointType.CONTACT, null);
        } else if (!hops.isEmpty()) {
            callee = new EventDetail.Party(dialed, hops.getFirst().type(), hops.getFirst().id());
        } else if (isExtension(dialed)) {
            callee = new EventDetail.Party(dialed, EndpointType.USER, user(dialed, null));
        } else {
            callee = new EventDetail.Party(dialed, EndpointType.HANGUP, null);
        }
        add(start, 0, "init", new EventDetail.Init(callerParty, callee, direction, numberId(direction, dialed), null,
                null, null));

        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            add(h.micros(), 1, "route-" + i, new EventDetail.Route(h.type(), h.id()));
            if (h.type() == EndpointType.VOICEMAIL) {
                add(h.micros(), 6, "voicemail-" + i, new EventDetail.Voicemail(voicemailType(h, hops, attempts), h.id()));
            }
        }

        List<Attempt> won = attempts.stream().filter(Attempt::won)
                .sorted(Comparator.comparingLong(Attempt::bridgedAt)).toList();
        long firstBridge = won.isEmpty() ? 0 : won.getFirst().bridgedAt();
        long answer = a.micros("answer_uepoch");
        if (answer > 0) {
            add(answer, 2, "answer", answerDetail(answer, firstBridge, hops, direction, won));
        }
        for (Attempt t : attempts) {
            long user = user(t.number(), null);
            add(t.at(), 3, "attempt-" + t.uuid(), new EventDetail.BridgeAttempt(user));
            if (t.won()) {
                add(t.bridgedAt(), 4, "bridge-" + t.uuid(), new EventDetail.Bridge(user));
            } else {
                add(t.failedAt(), 5, "fail-" + t.uuid(), new EventDetail.BridgeFail(user, t.cause()));
            }
        }
        attendedTransfer(attempts, end);
        add(end, 9, "hangup", new EventDetail.Hangup(hangupBy(direction, won)));

        List<Pending> ordered = events.stream()
                .sorted(Comparator.comparingLong(Pending::micros).thenComparingInt(Pending::rank)).toList();
        List<CallEvent> out = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            Pending p = ordered.get(i);
            out.add(CallEvent.of("%03d-%s".formatted(i, p.name()), callUuid, instant(p.micros()), p.detail(), 0));
        }
        return new Translation(out, true, problems);
    }

    private void add(long micros, int rank, String name, EventDetail detail) {
        events.add(new Pending(micros, rank, name, detail));
    }

    // --- direction and parties -------------------------------------------------------------------------------

    /**
     * FusionPBX's {@code call_direction}; else a call from a trunk profile or gateway is inbound, one bridged to a
     * trunk gateway outbound; else by the numbers (interfaces of issue 18).
     */
    private Direction direction(String caller, String dialed) {
        String said = a.var("call_direction");
        if (said != null) {
            switch (said.toLowerCase(Locale.ROOT)) {
                case "inbound" -> { return Direction.INBOUND; }
                case "outbound" -> { return Direction.OUTBOUND; }
                case "local", "internal" -> { return Direction.INTERNAL; }
                default -> problems.add("call_direction '" + said + "' is not inbound, outbound or local; the"
                        + " direction is read from the trunks and numbers");
            }
        }
        String gateway = a.var("sip_gateway_name");
        if ((gateway != null && isTrunkGateway(gateway))
                || profile.trunkProfiles().contains(a.var("sofia_profile_name"))) {
            return Direction.INBOUND;
        }
        for (Leg.App app : a.applications()) {
            if (app.name().equals("bridge") && app.data() != null) {
                Matcher m = Pattern.compile("sofia/gateway/([^/]+)/").matcher(app.data());
                while (m.find()) {
                    if (isTrunkGateway(m.group(1))) {
                        return Direction.OUTBOUND;
                    }
                }
            }
        }
        boolean fromExtension = isExtension(caller);
        boolean toExtension = isExtension(dialed);
        if (!fromExtension) {
            return Direction.INBOUND;
        }
        return toExtension ? Direction.INTERNAL : Direction.OUTBOUND;
    }

    private boolean isTrunkGateway(String gateway) {
        return profile.trunkGateways().isEmpty() || profile.trunkGateways().contains(gateway);
    }

    /** The extension that placed an outbound or internal call (the caller id may be the company's number). */
    private String callingExtension(String caller) {
        if (isExtension(caller)) {
            return caller;
        }
        String user = first(a.var("sip_from_user"), a.var("user_name"));
        return user != null && isExtension(user) ? user : caller;
    }

    private Long numberId(Direction direction, String dialed) {
        String did = direction == Direction.INBOUND ? dialed
                : direction == Direction.OUTBOUND ? first(a.var("outbound_caller_id_number"),
                        a.var("effective_caller_id_number")) : null;
        if (did == null) {
            return null;
        }
        if (!did.startsWith("+")) {
            did = PhoneNumbers.normalise(did, profile.defaultRegion()) instanceof PhoneNumbers.E164 e ? e.number() : null;
        }
        return did == null ? null : ids.id(EntryKind.NUMBER, did, null);
    }

    /** A directory user for an extension of this PBX ({@code 1001@pbx.example.com}). */
    private long user(String extension, String name) {
        String shown = name != null && !name.isBlank() && !name.equals(extension) && !EXTENSION.matcher(name).matches()
                ? name : "Extension " + extension;
        return ids.id(EntryKind.USER, extension + "@" + domain, shown);
    }

    private String number(String raw, String which) {
        return switch (PhoneNumbers.normalise(raw, profile.defaultRegion())) {
            case PhoneNumbers.E164 e -> e.number();
            case PhoneNumbers.Extension e -> e.number();
            case PhoneNumbers.Malformed m -> {
                problems.add("the " + which + " number '" + raw + "' " + m.reason() + "; it is kept as sent"
                        + (profile.defaultRegion() == null ? " (set default_region in the profile to read national numbers)" : ""));
                yield raw.strip();
            }
        };
    }

    private static boolean isExtension(String number) {
        return number != null && EXTENSION.matcher(number).matches();
    }

    // --- the dialplan's hops ---------------------------------------------------------------------------------

    /** The A-leg's applications as routes: IVRs and menus, queues, ring groups, users, voicemail, closed hours. */
    private List<Hop> hops(long start, String dialed, Direction direction) {
        List<Hop> hops = new ArrayList<>();
        long at = start;
        boolean bridged = a.micros("bridge_uepoch") > 0 || a.secondsAsMicros("cc_queue_answered_epoch") > 0;
        for (Leg.App app : a.applications()) {
            at = Math.max(at, app.stampMicros());
            String data = app.data() == null ? "" : app.data().strip();
            Hop hop = switch (app.name()) {
                case "ivr" -> new Hop(EndpointType.GREETING, ids.id(EntryKind.GREETING, "ivr:" + data + "@" + domain,
                        profile.ivrNames().getOrDefault(data, first(a.var("ivr_menu_name"), "IVR " + data))), at);
                case "play_and_get_digits" -> new Hop(EndpointType.GREETING, ids.id(EntryKind.GREETING,
                        "menu:" + dialed + "@" + domain, "Menu " + dialed), at);
                case "callcenter" -> {
                    long joined = a.secondsAsMicros("cc_queue_joined_epoch");
                    String queue = data.contains("@") ? data : data + "@" + domain;
                    String name = queue.substring(0, queue.indexOf('@'));
                    yield new Hop(EndpointType.TEAM, ids.id(EntryKind.TEAM, "queue:" + queue, "Queue " + name),
                            joined > 0 ? joined : at);
                }
                case "voicemail" -> {
                    String[] words = data.split("\\s+");
                    if (data.startsWith("check") || words.length < 3) {
                        yield null; // checking one's messages is not a caller reaching a box
                    }
                    String box = words[words.length - 1];
                    yield new Hop(EndpointType.VOICEMAIL, ids.id(EntryKind.VOICEMAIL_BOX, box + "@" + domain,
                            "Voicemail " + box), at);
                }
                case "bridge" -> bridgeHop(data, at, direction);
                case "playback", "transfer", "execute_extension", "lua" -> closedHours(data)
                        ? new Hop(EndpointType.GREETING, ids.id(EntryKind.GREETING, "closed-hours@" + domain,
                                "Closed hours"), at) : null;
                case "hangup" -> bridged ? null : new Hop(EndpointType.HANGUP, null, at);
                default -> null;
            };
            if (hop != null && (hops.isEmpty() || !sameEndpoint(hops.getLast(), hop))) {
                hops.add(hop);
            }
        }
        return hops;
    }

    private Hop bridgeHop(String data, long at, Direction direction) {
        List<String> users = targets(data).stream().filter(CallTranslation::isExtension).toList();
        String ringGroup = a.var("ring_group_uuid");
        if (ringGroup != null || users.size() > 1) {
            String ref = ringGroup != null ? ringGroup : String.join(",", users);
            String name = first(a.var("ring_group_name"), "Ring group " + first(a.var("ring_group_extension"),
                    String.join(", ", users)));
            return new Hop(EndpointType.TEAM, ids.id(EntryKind.TEAM, "ring-group:" + ref + "@" + domain, name), at);
        }
        if (users.size() == 1 && direction != Direction.OUTBOUND) {
            return new Hop(EndpointType.USER, user(users.getFirst(), null), at);
        }
        return null;
    }

    /** The numbers a bridge's dial string rings: {@code {vars}user/1001@d,[vars]user/1002@d|sofia/gateway/gw/+90...}. */
    static List<String> targets(String dialString) {
        String plain = dialString.replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", "").replaceAll("<[^>]*>", "");
        List<String> out = new ArrayList<>();
        for (String target : plain.split("[,|]|:_:")) {
            String t = target.strip();
            Matcher gateway = Pattern.compile("^sofia/gateway/[^/]+/(.+)$").matcher(t);
            if (gateway.find()) {
                out.add(gateway.group(1).strip());
                continue;
            }
            Matcher user = TARGET_USER.matcher(t);
            if (user.find()) {
                out.add(user.group(1));
            }
        }
        return out;
    }

    private boolean closedHours(String data) {
        String lower = data.toLowerCase(Locale.ROOT);
        return profile.closedHoursNames().stream().anyMatch(w -> !w.isBlank() && lower.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static boolean sameEndpoint(Hop x, Hop y) {
        return x.type() == y.type() && Objects.equals(x.id(), y.id());
    }

    // --- the legs rung ---------------------------------------------------------------------------------------

    /**
     * Every user leg rung: those the A-leg lists in {@code originated_legs} (with {@code originate_causes}), the B-legs
     * and agent legs the PBX logged, and the agent mod_callcenter bridged. Legs to the outside world (a gateway) ring
     * no user and are left out.
     */
    private List<Attempt> attempts(long start, long end) {
        Map<String, String> numbers = new LinkedHashMap<>();
        for (String[] entry : arrayEntries(a.var("originated_legs"))) {
            if (entry.length >= 3) {
                numbers.put(entry[0], entry[2]);
            }
        }
        Map<String, String> causes = new LinkedHashMap<>();
        for (String[] entry : arrayEntries(a.var("originate_causes"))) {
            if (entry.length >= 2) {
                causes.put(entry[0], entry[1]);
            }
        }
        Map<String, Leg> legs = new LinkedHashMap<>();
        for (Leg leg : others) {
            legs.put(leg.uuid(), leg);
            numbers.putIfAbsent(leg.uuid(), null);
        }
        Set<String> partners = java.util.stream.Stream.of(a.var("bridge_uuid"), a.var("last_bridge_to"),
                a.var("signal_bond")).filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        long queueAnswered = a.secondsAsMicros("cc_queue_answered_epoch");
        List<Attempt> attempts = new ArrayList<>();
        boolean firstWinnerTimed = false;
        for (Map.Entry<String, String> e : numbers.entrySet()) {
            String uuid = e.getKey();
            Leg leg = legs.get(uuid);
            String number = leg == null ? e.getValue()
                    : first(leg.var("dialed_user"), leg.var("dialed_extension"), leg.destination(), e.getValue());
            if (number == null || !isExtension(number) || (leg != null && isOutsideLeg(leg))) {
                continue;
            }
            String cause = first(causes.get(uuid), leg == null ? null : leg.var("hangup_cause"));
            boolean agent = leg != null && "agent".equals(leg.var("cc_side"));
            boolean won = partners.contains(uuid) || (leg != null && leg.micros("bridge_uepoch") > 0)
                    || (agent && "true".equals(leg.var("cc_agent_bridged")))
                    || (leg == null && cause != null && WINNING_CAUSES.contains(cause));
            long at = leg != null ? leg.micros("start_uepoch") : bridgeAppStamp(number, start);
            long bridgedAt = 0;
            long failedAt = 0;
            if (won) {
                if (agent && queueAnswered > 0) {
                    bridgedAt = queueAnswered;
                } else if (leg != null && leg.micros("bridge_uepoch") > 0) {
                    bridgedAt = leg.micros("bridge_uepoch");
                } else if (!firstWinnerTimed && a.micros("bridge_uepoch") > 0) {
                    bridgedAt = a.micros("bridge_uepoch");
                } else {
                    bridgedAt = Math.max(at, transferStamp(number, at));
                }
                firstWinnerTimed = true;
            } else if (leg != null && leg.micros("end_uepoch") > 0) {
                failedAt = leg.micros("end_uepoch");
            } else if ("LOSE_RACE".equals(cause) && a.micros("bridge_uepoch") > 0) {
                failedAt = a.micros("bridge_uepoch");
            } else {
                failedAt = nextAppStamp(at, end);
            }
            attempts.add(new Attempt(uuid, number, Math.max(at, start), won, bridgedAt, Math.max(failedAt, at),
                    won ? null : Objects.requireNonNullElse(cause, "NO_ANSWER")));
        }
        // mod_callcenter bridged an agent whose leg was not logged: the member leg names it.
        if (queueAnswered > 0 && attempts.stream().noneMatch(t -> t.won() && t.bridgedAt() == queueAnswered)) {
            String agent = agentExtension();
            if (agent != null) {
                attempts.add(new Attempt("agent", agent, queueAnswered, true, queueAnswered, 0, null));
            } else {
                problems.add("the queue's agent '" + a.var("cc_agent") + "' has no extension the CDR names; log the"
                        + " agent legs (log-b-leg) so that the call's user is known");
            }
        }
        // Ties by number, not by uuid: the same documents give the same order, and so do the same calls.
        attempts.sort(Comparator.comparingLong(Attempt::at).thenComparing(Attempt::number).thenComparing(Attempt::uuid));
        return attempts;
    }

    private static boolean isOutsideLeg(Leg leg) {
        String channel = leg.var("channel_name");
        return channel != null && channel.contains("/gateway/");
    }

    /** The agent mod_callcenter bridged, when no agent leg says it: {@code 1001@domain}, or the A-leg's callee id. */
    private String agentExtension() {
        String agent = a.var("cc_agent");
        if (agent != null) {
            String local = agent.contains("@") ? agent.substring(0, agent.indexOf('@')) : agent;
            if (isExtension(local)) {
                return local;
            }
        }
        String callee = first(a.var("last_sent_callee_id_number"), a.var("callee_id_number"));
        if (isExtension(callee)) {
            return callee;
        }
        List<String> channel = a.var("bridge_channel") == null ? List.of() : targets(a.var("bridge_channel"));
        return channel.isEmpty() || !isExtension(channel.getFirst()) ? null : channel.getFirst();
    }

    /** When the bridge application that rang this number started; the call's start when no stamp says. */
    private long bridgeAppStamp(String number, long start) {
        for (Leg.App app : a.applications()) {
            if (app.name().equals("bridge") && app.data() != null && targets(app.data()).contains(number)
                    && app.stampMicros() > 0) {
                return app.stampMicros();
            }
        }
        return start;
    }

    /** A user bridged after the first (a blind transfer): the last bridge application that rang them. */
    private long transferStamp(String number, long fallback) {
        long stamp = 0;
        for (Leg.App app : a.applications()) {
            if (app.name().equals("bridge") && app.data() != null && targets(app.data()).contains(number)) {
                stamp = Math.max(stamp, app.stampMicros());
            }
        }
        return stamp > 0 ? stamp : fallback;
    }

    /** The stamp of the first application after {@code after}, else the call's end: when a ring was given up. */
    private long nextAppStamp(long after, long end) {
        return a.applications().stream().mapToLong(Leg.App::stampMicros).filter(s -> s > after).min().orElse(end);
    }

    /**
     * An attended transfer: the A-leg ends bridged to a leg it never originated (the transferring user's consultation
     * call). {@code transfer_history} names it ({@code epoch:uuid:uuid_br:other}); its extension is the callee id the
     * A-leg last sent, or the user of {@code bridge_channel}.
     */
    private void attendedTransfer(List<Attempt> attempts, long end) {
        String partner = first(a.var("last_bridge_to"), a.var("bridge_uuid"));
        if (partner == null || attempts.stream().anyMatch(t -> t.uuid().equals(partner))) {
            return;
        }
        long at = 0;
        for (String[] entry : arrayEntries(a.var("transfer_history"))) {
            String[] parts = String.join(";", entry).split(":");
            if (parts.length >= 4 && parts[2].equals("uuid_br") && parts[3].equals(partner)) {
                at = Leg.number(parts[0]) * 1_000_000L;
            }
        }
        String number = a.var("last_sent_callee_id_number");
        if (!isExtension(number)) {
            List<String> channel = a.var("bridge_channel") == null ? List.of() : targets(a.var("bridge_channel"));
            number = channel.isEmpty() ? null : channel.getFirst();
        }
        if (!isExtension(number)) {
            return;
        }
        String partnerNumber = number;
        List<Attempt> bridged = attempts.stream().filter(Attempt::won).toList();
        if (at == 0 && !bridged.isEmpty() && bridged.getLast().number().equals(partnerNumber)) {
            return; // the last user bridged is the partner (a queue's agent whose leg was not logged)
        }
        if (at == 0) {
            at = end;
            problems.add("the A-leg was bridged last to leg " + partner + " (" + number + ") at a time it does not say;"
                    + " the bridge is placed at the hang-up");
        }
        add(at, 4, "bridge-transfer", new EventDetail.Bridge(user(number, null)));
    }

    // --- answer, voicemail, hang-up --------------------------------------------------------------------------

    /**
     * Who answered the caller's leg: when that was before any person was bridged, the PBX did, for the IVR, queue or
     * box the call was at or was about to reach; else the person (an outbound call's contact, or the user bridged).
     */
    private EventDetail answerDetail(long answer, long firstBridge, List<Hop> hops, Direction direction,
                                     List<Attempt> won) {
        boolean beforeAnyone = firstBridge == 0 || answer < firstBridge - 500_000L;
        if (beforeAnyone) {
            Hop answering = null;
            for (Hop h : hops) {
                if (isPbxEndpoint(h) && (answering == null || h.micros() <= answer)) {
                    answering = h;
                }
                if (h.micros() > answer && answering != null) {
                    break;
                }
            }
            if (answering != null) {
                return new EventDetail.Answer(answering.type(), answering.id());
            }
        }
        if (direction == Direction.OUTBOUND) {
            return new EventDetail.Answer(EndpointType.CONTACT, null);
        }
        if (!won.isEmpty()) {
            return new EventDetail.Answer(EndpointType.USER, user(won.getFirst().number(), null));
        }
        return new EventDetail.Answer(EndpointType.GREETING, null);
    }

    private static boolean isPbxEndpoint(Hop h) {
        return h.type() == EndpointType.GREETING || h.type() == EndpointType.TEAM || h.type() == EndpointType.VOICEMAIL;
    }

    /** A user's box is one of a user the call rang or was sent to; any other box is the account's. */
    private VoicemailType voicemailType(Hop box, List<Hop> hops, List<Attempt> attempts) {
        String boxRef = null;
        for (Leg.App app : a.applications()) {
            if (app.name().equals("voicemail") && app.data() != null) {
                String[] words = app.data().strip().split("\\s+");
                boxRef = words[words.length - 1];
            }
        }
        String number = boxRef;
        boolean userBox = number != null && (attempts.stream().anyMatch(t -> t.number().equals(number))
                || hops.stream().anyMatch(h -> h.type() == EndpointType.USER
                        && Objects.equals(h.id(), isExtension(number) ? user(number, null) : null)));
        return userBox ? VoicemailType.USER : VoicemailType.ACCOUNT;
    }

    /**
     * {@code sip_hangup_disposition} of the A-leg: {@code recv_*}, the A-leg's party hung up; {@code send_*}, the
     * PBX did — for the other party when it was in conversation, else on its own (an IVR, a closed message).
     */
    private HangupBy hangupBy(Direction direction, List<Attempt> won) {
        HangupBy callerSide = direction == Direction.INBOUND ? HangupBy.CONTACT : HangupBy.USER;
        HangupBy otherSide = direction == Direction.OUTBOUND ? HangupBy.CONTACT : HangupBy.USER;
        boolean conversation = !won.isEmpty() || (direction == Direction.OUTBOUND && a.micros("answer_uepoch") > 0);
        String disposition = a.var("sip_hangup_disposition");
        if (disposition == null) {
            return "ORIGINATOR_CANCEL".equals(a.var("hangup_cause")) ? callerSide : HangupBy.SYSTEM;
        }
        if (disposition.startsWith("recv_")) {
            return callerSide;
        }
        return conversation ? otherSide : HangupBy.SYSTEM;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** The entries of an {@code ARRAY::x|:y} variable, each split at {@code ;}. */
    static List<String[]> arrayEntries(String value) {
        List<String[]> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        String body = value.startsWith("ARRAY::") ? value.substring(7) : value;
        for (String entry : body.split("\\|:")) {
            if (!entry.isBlank()) {
                out.add(entry.strip().split(";"));
            }
        }
        return out;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
