package io.callrecords.sources.asterisk;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The translation of one Asterisk call (research §1.4–1.5), a pure function of its CEL rows and queue_log lines:
 * the caller is the first channel that starts (Local channels are plumbing, never parties); a callee is answered
 * when it is in a bridge that is not a holding bridge with the caller, directly or through Local channel pairs; a
 * phone that started ringing within the caller's linkedid and never got there failed, with its hangup cause; the
 * caller's applications and contexts are the routes; the channel in {@code hangupsource} says who hung up.
 */
final class CelCall {

    /** Same time: the order a channel's life has, then the channel's age; never arrival alone, never uniqueid strings. */
    private static final List<String> LIFE = List.of("CHAN_START", "APP_START", "ANSWER", "PICKUP", "BRIDGE_ENTER",
            "BLINDTRANSFER", "ATTENDEDTRANSFER", "BRIDGE_EXIT", "LOCAL_OPTIMIZE", "APP_END", "HANGUP", "CHAN_END",
            "LINKEDID_END");

    /** A CEL row with its arrival, for ties. */
    record Row(CelEvent cel, long arrival) {}

    /** A queue_log line with its arrival. */
    record QueueRow(QueueLogEntry entry, long arrival) {}

    private final AsteriskProfile profile;
    private final DirectoryIds ids;
    private final UUID callUuid;
    private final List<CallEvent> out = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private CelCall(AsteriskProfile profile, DirectoryIds ids, UUID callUuid) {
        this.profile = profile;
        this.ids = ids;
        this.callUuid = callUuid;
    }

    /** Whether the platform said the call is over: every linkedid ended and every channel ended. */
    static boolean complete(List<Row> rows) {
        Set<String> linked = new HashSet<>();
        Set<String> linkedEnded = new HashSet<>();
        Set<String> started = new HashSet<>();
        Set<String> ended = new HashSet<>();
        for (Row r : rows) {
            CelEvent c = r.cel();
            linked.add(c.linkedId());
            switch (c.eventName()) {
                case "LINKEDID_END" -> linkedEnded.add(c.linkedId());
                case "CHAN_START" -> started.add(c.uniqueId());
                case "CHAN_END" -> ended.add(c.uniqueId());
                default -> { }
            }
        }
        return !rows.isEmpty() && linkedEnded.containsAll(linked) && ended.containsAll(started);
    }

    static Translation translate(List<Row> rows, List<QueueRow> queueRows, boolean finished, AsteriskProfile profile,
                                 DirectoryIds ids, UUID callUuid) {
        CelCall call = new CelCall(profile, ids, callUuid);
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((Row r) -> r.cel().at())
                .thenComparing(r -> rank(r.cel().eventName()))
                .thenComparing(r -> r.cel().uniqueId(), AsteriskCallKeys.OLDEST_FIRST)
                .thenComparingLong(Row::arrival));
        List<QueueRow> queue = new ArrayList<>(queueRows);
        queue.sort(Comparator.comparing((QueueRow q) -> q.entry().at()).thenComparingLong(QueueRow::arrival));
        call.run(sorted.stream().map(Row::cel).toList(), queue.stream().map(QueueRow::entry).toList());
        return new Translation(call.out, finished, call.problems);
    }

    private static int rank(String event) {
        int i = LIFE.indexOf(event);
        return i < 0 ? LIFE.size() : i;
    }

    /** What is known of one channel. */
    private static final class Channel {
        final String uniqueId;
        final String name;
        final String linkedIdAtStart;
        final String context;
        final String exten;
        final String cidNum;
        final String cidName;
        boolean connected;
        boolean hungUp;

        Channel(CelEvent start) {
            uniqueId = start.uniqueId();
            name = start.channel();
            linkedIdAtStart = start.linkedId();
            context = start.context();
            exten = start.exten();
            cidNum = start.cidNum();
            cidName = start.cidName();
        }

        boolean local() {
            return name.startsWith("Local/");
        }

        /** {@code Local/1001@from-queue-00000012;1} and {@code ;2} are one pair. */
        String localPair() {
            int semi = name.lastIndexOf(';');
            return semi < 0 ? name : name.substring(0, semi);
        }

        /** The endpoint: {@code PJSIP/1001-0000000a} → {@code 1001}. */
        String device() {
            return device(name);
        }

        static String device(String channelName) {
            String n = channelName;
            int slash = n.indexOf('/');
            if (slash >= 0) {
                n = n.substring(slash + 1);
            }
            int dash = n.lastIndexOf('-');
            if (dash > 0 && n.substring(dash + 1).matches("[0-9a-fA-F]+")) {
                n = n.substring(0, dash);
            }
            int at = n.indexOf('@');
            return at > 0 ? n.substring(0, at) : n;
        }
    }

    /** The endpoint of a channel name: {@code PJSIP/1001-0000002a} is {@code 1001}. */
    static String deviceOf(String channelName) {
        return Channel.device(channelName);
    }

    private boolean outside(Channel ch, boolean caller) {
        if (AsteriskProfile.matches(profile.trunkChannels(), ch.name)) {
            return true;
        }
        if (caller && AsteriskProfile.matches(profile.inboundContexts(), ch.context)) {
            return true;
        }
        if (caller && AsteriskProfile.matches(profile.internalContexts(), ch.context)) {
            // A phone whatever its endpoint is called (PJSIP/alice); only a caller's context is the endpoint's own.
            return false;
        }
        return !ch.device().matches("\\d{1," + PhoneNumbers.MAX_EXTENSION_DIGITS + "}");
    }

    private long user(Channel ch) {
        String device = ch.device();
        String name = ch.cidName != null && !ch.cidName.isBlank() && !ch.cidName.equals(device)
                ? ch.cidName : "Extension " + device;
        return ids.id(EntryKind.USER, device, name);
    }

    private long user(String device) {
        return ids.id(EntryKind.USER, device, "Extension " + device);
    }

    private void emit(Instant at, EventDetail detail) {
        out.add(CallEvent.of(Integer.toString(out.size() + 1), callUuid, at, detail, 0));
    }

    private void run(List<CelEvent> cels, List<QueueLogEntry> queue) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (CelEvent c : cels) {
            if (c.eventName().equals("CHAN_START")) {
                channels.putIfAbsent(c.uniqueId(), new Channel(c));
            }
        }
        Channel caller = channels.values().stream().filter(ch -> !ch.local()).findFirst().orElse(null);
        if (caller == null) {
            if (!cels.isEmpty()) {
                problems.add("no CHAN_START of a caller's channel: the call's first rows are missing");
            }
            return;
        }
        boolean callerOutside = outside(caller, true);
        boolean calleeOutside = channels.values().stream()
                .anyMatch(ch -> ch != caller && !ch.local() && outside(ch, false));
        Direction direction = callerOutside ? Direction.INBOUND : calleeOutside ? Direction.OUTBOUND
                : Direction.INTERNAL;

        // The first route decides init's callee (call-records.md §1: callee_type is where the call was first sent).
        List<Routed> routes = routes(cels, queue, caller);
        Instant start = cels.stream().filter(c -> c.uniqueId().equals(caller.uniqueId)).findFirst()
                .orElseThrow().at();
        String dialed = firstNonBlank(caller.exten, cels.getFirst().cidDnid());
        EventDetail.Party callerParty = callerOutside
                ? new EventDetail.Party(number(caller.cidNum, "caller"), EndpointType.CONTACT, null)
                : new EventDetail.Party(extensionOf(caller), EndpointType.USER, user(caller));
        EventDetail.Party calleeParty;
        if (direction == Direction.OUTBOUND) {
            calleeParty = new EventDetail.Party(number(dialed, "dialed number"), EndpointType.CONTACT, null);
        } else if (!routes.isEmpty()) {
            calleeParty = new EventDetail.Party(number(dialed, "dialed number"), routes.getFirst().type,
                    routes.getFirst().id);
        } else {
            Channel first = channels.values().stream().filter(ch -> ch != caller && !ch.local()).findFirst()
                    .orElse(null);
            calleeParty = first == null || outside(first, false)
                    ? new EventDetail.Party(number(dialed, "dialed number"), EndpointType.HANGUP, null)
                    : new EventDetail.Party(number(dialed, "dialed number"), EndpointType.USER, user(first));
        }
        emit(start, new EventDetail.Init(callerParty, calleeParty, direction, null, null, null, null));
        if (direction != Direction.OUTBOUND && !routes.isEmpty() && routes.getFirst().type == EndpointType.VOICEMAIL) {
            emit(routes.getFirst().at, new EventDetail.Voicemail(VoicemailType.USER, routes.getFirst().id));
        }

        Map<String, Set<String>> bridges = new HashMap<>();
        Set<String> holding = new HashSet<>();
        Set<String> attempts = new LinkedHashSet<>();
        Set<String> queueMembersSeen = new HashSet<>();
        int nextRoute = direction == Direction.OUTBOUND ? 0 : 1;
        boolean answered = false;
        for (CelEvent c : cels) {
            while (nextRoute < routes.size() && !routes.get(nextRoute).at.isAfter(c.at())) {
                Routed r = routes.get(nextRoute++);
                emitRoute(r);
            }
            Channel ch = channels.get(c.uniqueId());
            switch (c.eventName()) {
                case "CHAN_START" -> {
                    if (ch != caller && ch != null && !ch.local() && !outside(ch, false)
                            && ch.linkedIdAtStart.equals(caller.linkedIdAtStart)
                            && !ch.uniqueId.equals(ch.linkedIdAtStart)) {
                        attempts.add(ch.uniqueId);
                        queueMembersSeen.add(ch.device());
                        emit(c.at(), new EventDetail.BridgeAttempt(user(ch)));
                    }
                }
                case "ANSWER" -> {
                    if (ch == caller && callerOutside && !answered) {
                        Routed current = routes.stream().filter(r -> !r.at.isAfter(c.at()))
                                .reduce((a, b) -> b).orElse(null);
                        if (current != null && current.type != EndpointType.USER) {
                            answered = true;
                            emit(c.at(), new EventDetail.Answer(current.type, current.id));
                        }
                    }
                }
                case "BRIDGE_ENTER" -> {
                    String bridge = firstNonBlank(c.extraText("bridge_id"), "bridge");
                    bridges.computeIfAbsent(bridge, b -> new LinkedHashSet<>()).add(c.uniqueId());
                    if ("holding_bridge".equals(c.extraText("bridge_technology"))) {
                        holding.add(bridge);
                    }
                    for (Channel now : connectedTo(caller, channels, bridges, holding)) {
                        if (now.connected || now == caller || now.local()) {
                            continue;
                        }
                        now.connected = true;
                        if (outside(now, false)) {
                            if (direction == Direction.OUTBOUND && !answered) {
                                answered = true;
                                emit(c.at(), new EventDetail.Answer(EndpointType.CONTACT, null));
                            }
                        } else {
                            emit(c.at(), new EventDetail.Bridge(user(now)));
                        }
                    }
                }
                case "BRIDGE_EXIT" -> {
                    String bridge = firstNonBlank(c.extraText("bridge_id"), "bridge");
                    Set<String> members = bridges.get(bridge);
                    if (members != null) {
                        members.remove(c.uniqueId());
                    }
                }
                case "HANGUP" -> {
                    if (ch == null) {
                        break;
                    }
                    ch.hungUp = true;
                    if (attempts.contains(ch.uniqueId) && !ch.connected) {
                        String cause = firstNonBlank(c.extraText("hangupcause"), c.extraText("dialstatus"));
                        emit(c.at(), new EventDetail.BridgeFail(user(ch), cause));
                    }
                    if (ch == caller) {
                        while (nextRoute < routes.size()) {
                            emitRoute(routes.get(nextRoute++));
                        }
                        queueEnrichment(queue, queueMembersSeen, c.at());
                        emit(c.at(), new EventDetail.Hangup(hangupBy(c, caller, channels, queue, callerOutside)));
                    }
                }
                default -> { }
            }
        }
        if (!caller.hungUp) {
            while (nextRoute < routes.size()) {
                emitRoute(routes.get(nextRoute++));
            }
            queueEnrichment(queue, queueMembersSeen, null);
        }
    }

    private void emitRoute(Routed r) {
        emit(r.at, new EventDetail.Route(r.type, r.id));
        if (r.type == EndpointType.VOICEMAIL) {
            emit(r.at, new EventDetail.Voicemail(VoicemailType.USER, r.id));
        }
    }

    /**
     * What only queue_log says: a member who rang with no channel of theirs in CEL (RINGNOANSWER), or answered so
     * (CONNECT), up to the caller's hangup.
     */
    private void queueEnrichment(List<QueueLogEntry> queue, Set<String> membersSeen, Instant until) {
        for (QueueLogEntry q : queue) {
            if (until != null && q.at().isAfter(until)) {
                continue;
            }
            String member = Channel.device(q.member());
            if (member.isBlank() || membersSeen.contains(member)
                    || !member.matches("\\d{1," + PhoneNumbers.MAX_EXTENSION_DIGITS + "}")) {
                continue;
            }
            switch (q.event()) {
                case "RINGNOANSWER", "RINGCANCELED" -> {
                    long ringMillis = parseLong(q.data(0));
                    emit(q.at().minusMillis(ringMillis), new EventDetail.BridgeAttempt(user(member)));
                    emit(q.at(), new EventDetail.BridgeFail(user(member), "19"));
                }
                case "CONNECT" -> {
                    emit(q.at(), new EventDetail.BridgeAttempt(user(member)));
                    emit(q.at(), new EventDetail.Bridge(user(member)));
                }
                default -> { }
            }
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private HangupBy hangupBy(CelEvent hangup, Channel caller, Map<String, Channel> channels,
                              List<QueueLogEntry> queue, boolean callerOutside) {
        String source = hangup.extraText("hangupsource");
        if (source == null || source.isBlank()) {
            for (QueueLogEntry q : queue) {
                if (q.event().equals("COMPLETECALLER") || q.event().equals("ABANDON")) {
                    return callerOutside ? HangupBy.CONTACT : HangupBy.USER;
                }
                if (q.event().equals("COMPLETEAGENT")) {
                    return HangupBy.USER;
                }
            }
            return HangupBy.SYSTEM;
        }
        Channel by = channels.values().stream().filter(ch -> ch.name.equals(source)).findFirst().orElse(null);
        if (by == null || by.local()) {
            return HangupBy.SYSTEM;
        }
        return outside(by, by == caller) ? HangupBy.CONTACT : HangupBy.USER;
    }

    /** The channels in conversation with the caller: through bridges that are not holding ones and Local pairs. */
    private static List<Channel> connectedTo(Channel caller, Map<String, Channel> channels,
                                             Map<String, Set<String>> bridges, Set<String> holding) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(caller.uniqueId));
        while (!todo.isEmpty()) {
            String u = todo.removeLast();
            if (!seen.add(u)) {
                continue;
            }
            for (Map.Entry<String, Set<String>> b : bridges.entrySet()) {
                if (!holding.contains(b.getKey()) && b.getValue().contains(u)) {
                    todo.addAll(b.getValue());
                }
            }
            Channel ch = channels.get(u);
            if (ch != null && ch.local()) {
                for (Channel other : channels.values()) {
                    if (other.local() && other != ch && other.localPair().equals(ch.localPair())) {
                        todo.add(other.uniqueId);
                    }
                }
            }
        }
        List<Channel> result = new ArrayList<>();
        for (String u : seen) {
            Channel ch = channels.get(u);
            if (ch != null) {
                result.add(ch);
            }
        }
        return result;
    }

    /** A place the caller was sent to. */
    private record Routed(Instant at, EndpointType type, Long id, String key) {}

    /** The caller's routes in order: IVR and closed-hours contexts, ring groups, queues, voicemail, a dialled phone. */
    private List<Routed> routes(List<CelEvent> cels, List<QueueLogEntry> queue, Channel caller) {
        List<Routed> routes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CelEvent c : cels) {
            if (!c.uniqueId().equals(caller.uniqueId)) {
                continue;
            }
            String context = c.context();
            if (AsteriskProfile.matches(profile.closedHoursContexts(), context)) {
                add(routes, seen, new Routed(c.at(), EndpointType.GREETING,
                        ids.id(EntryKind.GREETING, context, "Closed hours (" + context + ")"), "greeting:" + context));
            } else if (AsteriskProfile.matches(profile.ivrContexts(), context)) {
                add(routes, seen, new Routed(c.at(), EndpointType.GREETING,
                        ids.id(EntryKind.GREETING, context, "IVR " + context), "greeting:" + context));
            } else if (AsteriskProfile.matches(profile.ringGroupContexts(), context) && c.exten() != null
                    && c.exten().matches("\\d+")) {
                add(routes, seen, new Routed(c.at(), EndpointType.TEAM,
                        ids.id(EntryKind.TEAM, c.exten(), "Ring group " + c.exten()), "team:" + c.exten()));
            }
            if (!"APP_START".equals(c.eventName()) || c.appName() == null) {
                continue;
            }
            String data = c.appData() == null ? "" : c.appData();
            String first = data.split("[,|]", -1)[0].strip();
            switch (c.appName().toLowerCase(java.util.Locale.ROOT)) {
                case "queue" -> {
                    if (!first.isEmpty()) {
                        add(routes, seen, new Routed(c.at(), EndpointType.TEAM,
                                ids.id(EntryKind.TEAM, first, "Queue " + first), "team:" + first));
                    }
                }
                case "voicemail" -> {
                    String box = first.replaceFirst("^[subg]+(?=\\d)", "");
                    if (!box.isEmpty()) {
                        String mailbox = box.contains("@") ? box : box + "@default";
                        add(routes, seen, new Routed(c.at(), EndpointType.VOICEMAIL,
                                ids.id(EntryKind.VOICEMAIL_BOX, mailbox, "Voicemail " + mailbox.split("@")[0]),
                                "voicemail:" + mailbox));
                    }
                }
                case "dial" -> {
                    if (!first.contains("&") && !first.startsWith("Local/") && routes.isEmpty()) {
                        String device = Channel.device(first);
                        if (device.matches("\\d{1," + PhoneNumbers.MAX_EXTENSION_DIGITS + "}")) {
                            add(routes, seen, new Routed(c.at(), EndpointType.USER, user(device), "user:" + device));
                        }
                    }
                }
                default -> { }
            }
        }
        for (QueueLogEntry q : queue) {
            if (q.event().equals("ENTERQUEUE") && !q.queue().isBlank()) {
                add(routes, seen, new Routed(q.at(), EndpointType.TEAM,
                        ids.id(EntryKind.TEAM, q.queue(), "Queue " + q.queue()), "team:" + q.queue()));
            }
        }
        routes.sort(Comparator.comparing(Routed::at));
        return routes;
    }

    private static void add(List<Routed> routes, Set<String> seen, Routed r) {
        if (seen.add(r.key())) {
            routes.add(r);
        }
    }

    private String number(String raw, String what) {
        String n = raw == null ? "" : raw.strip();
        PhoneNumbers.Result result = PhoneNumbers.normalise(n, profile.defaultRegion());
        if (result instanceof PhoneNumbers.E164(String e164)) {
            return e164;
        }
        if (result instanceof PhoneNumbers.Extension(String ext)) {
            return ext;
        }
        if (n.matches("\\d{7,15}")) {
            PhoneNumbers.Result plus = PhoneNumbers.normalise("+" + n, null);
            if (plus instanceof PhoneNumbers.E164(String e164)) {
                return e164;
            }
        }
        problems.add("the " + what + " '" + n + "' is neither E.164 nor an extension; set default_region in the"
                + " profile to read national numbers");
        return n.isEmpty() ? "unknown" : n;
    }

    /** A phone's number: its device when that is an extension, else the caller number it sends. */
    private String extensionOf(Channel ch) {
        String device = ch.device();
        return device.matches("\\d{1," + PhoneNumbers.MAX_EXTENSION_DIGITS + "}") ? device : number(ch.cidNum, "caller");
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
