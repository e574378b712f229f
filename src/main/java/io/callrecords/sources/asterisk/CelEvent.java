package io.callrecords.sources.asterisk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One CEL row (research §1.1), read from AMI's {@code Event: CEL} field names or the {@code cel} table's lower-case
 * columns, whichever the sender used (a CSV header may use either).
 */
record CelEvent(String eventName, Instant at, String uniqueId, String linkedId, String channel, String cidNum,
                String cidName, String cidDnid, String exten, String context, String appName, String appData,
                String peer, JsonNode extra) {

    static final Set<String> NAMES = Set.of("CHAN_START", "CHAN_END", "HANGUP", "ANSWER", "APP_START", "APP_END",
            "PARK_START", "PARK_END", "USER_DEFINED", "BRIDGE_ENTER", "BRIDGE_EXIT", "BLINDTRANSFER",
            "ATTENDEDTRANSFER", "PICKUP", "FORWARD", "LINKEDID_END", "LOCAL_OPTIMIZE", "LOCAL_OPTIMIZE_BEGIN",
            "STREAM_BEGIN", "STREAM_END", "DTMF", "BRIDGE_START", "BRIDGE_END", "BRIDGE_UPDATE", "TRANSFER",
            "CONF_ENTER", "CONF_EXIT", "CONF_START", "CONF_END", "3WAY_START", "3WAY_END", "HOOKFLASH");

    /** Each field under every name a sender may give it: AMI's first, then the table's (keys compared lower-case). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("eventname", "event"), Map.entry("eventtype", "event"),
            Map.entry("eventtime", "time"),
            Map.entry("uniqueid", "uniqueid"), Map.entry("linkedid", "linkedid"),
            Map.entry("channel", "channel"), Map.entry("channame", "channel"),
            Map.entry("calleridnum", "cid_num"), Map.entry("cid_num", "cid_num"),
            Map.entry("calleridname", "cid_name"), Map.entry("cid_name", "cid_name"),
            Map.entry("calleriddnid", "cid_dnid"), Map.entry("cid_dnid", "cid_dnid"),
            Map.entry("exten", "exten"), Map.entry("context", "context"),
            Map.entry("application", "appname"), Map.entry("appname", "appname"),
            Map.entry("appdata", "appdata"), Map.entry("peer", "peer"), Map.entry("extra", "extra"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The fields under our names, each with the name the sender used (for messages). */
    private record Field(String name, String value) {}

    /**
     * @param fields the sender's object (values as strings, or {@code extra} as an object)
     * @throws BadInput naming the first field that cannot be read
     */
    static CelEvent read(Map<String, ?> fields, ZoneId zone) {
        Map<String, Field> f = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            String ours = ALIASES.get(e.getKey().toLowerCase(Locale.ROOT));
            if (ours != null && e.getValue() != null) {
                Object v = e.getValue();
                String text = v instanceof JsonNode node ? (node.isString() ? node.asString() : node.toString())
                        : v.toString();
                f.putIfAbsent(ours, new Field(e.getKey(), text));
            }
        }
        String event = required(f, "event", "EventName").toUpperCase(Locale.ROOT);
        if (!NAMES.contains(event)) {
            throw new BadInput(name(f, "event", "EventName"), "is not a CEL event name (CHAN_START, HANGUP ...): "
                    + event);
        }
        Instant at;
        try {
            at = AsteriskTimes.parse(required(f, "time", "EventTime"), zone);
        } catch (IllegalArgumentException e) {
            throw new BadInput(name(f, "time", "EventTime"), e.getMessage());
        }
        JsonNode extra = JSON.createObjectNode();
        String extraText = value(f, "extra");
        if (extraText != null && !extraText.isBlank()) {
            try {
                extra = JSON.readTree(extraText);
            } catch (RuntimeException e) {
                throw new BadInput(name(f, "extra", "Extra"), "is not JSON");
            }
            if (!extra.isObject()) {
                throw new BadInput(name(f, "extra", "Extra"), "is not a JSON object");
            }
        }
        return new CelEvent(event, at, required(f, "uniqueid", "UniqueID"), required(f, "linkedid", "LinkedID"),
                required(f, "channel", "Channel"), value(f, "cid_num"), value(f, "cid_name"), value(f, "cid_dnid"),
                value(f, "exten"), value(f, "context"), value(f, "appname"), value(f, "appdata"), value(f, "peer"),
                extra);
    }

    /**
     * The row's identity, the same whether it came live from AMI or later from the CSV or the table (so a sweep after
     * a gap stores only what AMI missed): what happened, when, to which channel, in which application.
     */
    String docKey() {
        return "cel:" + sha256(String.join("\u0001", eventName, Long.toString(at.getEpochSecond()),
                Integer.toString(at.getNano() / 1000), uniqueId, linkedId, nullToEmpty(appName),
                nullToEmpty(appData)));
    }

    String extraText(String key) {
        JsonNode v = extra.get(key);
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    private static String required(Map<String, Field> f, String ours, String amiName) {
        String v = value(f, ours);
        if (v == null || v.isBlank()) {
            throw new BadInput(name(f, ours, amiName), "is missing");
        }
        return v.strip();
    }

    private static String value(Map<String, Field> f, String ours) {
        Field field = f.get(ours);
        return field == null ? null : field.value();
    }

    private static String name(Map<String, Field> f, String ours, String amiName) {
        Field field = f.get(ours);
        return field == null ? amiName : field.name();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
