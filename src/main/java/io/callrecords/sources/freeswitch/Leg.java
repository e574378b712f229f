package io.callrecords.sources.freeswitch;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One FreeSWITCH CDR (one leg), read from mod_json_cdr's JSON or mod_xml_cdr's XML into what the translation uses:
 * the channel variables, the applications the dialplan ran and the first dialplan pass's caller profile. Values sent
 * with {@code encode-values} (every value %-encoded; mod_xml_cdr always encodes) are decoded here, so the rest of the
 * code sees the values as FreeSWITCH had them.
 *
 * @param switchName   the {@code switchname} of the box, or null
 * @param variables    the channel variables, decoded
 * @param applications the {@code app_log}, in the order they ran
 * @param callerNumber the first caller profile's {@code caller_id_number}, or null
 * @param destination  the first caller profile's {@code destination_number}: what the caller dialled, or null
 * @param legDirection {@code channel_data.direction}: the leg's direction relative to FreeSWITCH (every A-leg is
 *                     "inbound"), or null
 */
record Leg(String switchName, Map<String, String> variables, List<App> applications, String callerNumber,
           String destination, String legDirection) {

    /** An application of the app_log; {@code stampMicros} is 0 when the CDR did not say when it ran. */
    record App(String name, String data, long stampMicros) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Leg {
        variables = Map.copyOf(variables);
        applications = List.copyOf(applications);
    }

    String uuid() {
        String uuid = var("uuid");
        return uuid != null ? uuid : var("call_uuid");
    }

    /** The variable, or null when absent, empty or FreeSWITCH's {@code _undef_} placeholder. */
    String var(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() || v.equals("_undef_") ? null : v.strip();
    }

    /** An epoch variable in microseconds ({@code start_uepoch}), else its seconds form × 10⁶; 0 when absent. */
    long micros(String uepochName) {
        long micros = number(var(uepochName));
        if (micros > 0) {
            return micros;
        }
        return number(var(uepochName.replace("uepoch", "epoch"))) * 1_000_000L;
    }

    /** An epoch in seconds ({@code cc_queue_joined_epoch}) as microseconds; 0 when absent. */
    long secondsAsMicros(String epochName) {
        return number(var(epochName)) * 1_000_000L;
    }

    static long number(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Reads a CDR as sent (JSON or XML, after the transport's own decoding). */
    static Leg read(String document) {
        String text = document.strip();
        if (text.startsWith("{")) {
            return fromJson(text);
        }
        if (text.startsWith("<")) {
            return fromXml(text);
        }
        throw new IllegalArgumentException("the document is neither JSON nor XML");
    }

    static Leg fromJson(String text) {
        JsonNode root = JSON.readTree(text);
        if (!root.isObject()) {
            throw new IllegalArgumentException("a JSON CDR is an object");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        root.path("variables").properties().forEach(e -> variables.put(e.getKey(), decode(scalar(e.getValue()))));
        List<App> apps = new ArrayList<>();
        JsonNode appLog = root.path("app_log").path("applications");
        for (JsonNode app : appLog.isArray() ? appLog.values() : List.of(appLog)) {
            if (app.isObject()) {
                apps.add(new App(decode(scalar(app.path("app_name"))), decode(scalar(app.path("app_data"))),
                        number(scalar(app.path("app_stamp")))));
            }
        }
        JsonNode flow = root.path("callflow");
        JsonNode first = flow.isArray() ? (flow.isEmpty() ? flow.path(0) : flow.get(flow.size() - 1)) : flow;
        JsonNode profile = first.path("caller_profile");
        return new Leg(decode(scalar(root.path("switchname"))), variables, apps,
                decode(scalar(profile.path("caller_id_number"))), decode(scalar(profile.path("destination_number"))),
                decode(scalar(root.path("channel_data").path("direction"))));
    }

    static Leg fromXml(String text) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A CDR has no DTD: refusing one shuts out entity expansion and external fetches.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            root = builder.parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("the XML cannot be read: " + e.getMessage());
        }
        if (!root.getTagName().equals("cdr")) {
            throw new IllegalArgumentException("an XML CDR's root is <cdr>, not <" + root.getTagName() + ">");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        Element vars = child(root, "variables");
        for (Element v : children(vars)) {
            variables.put(v.getTagName(), decode(v.getTextContent()));
        }
        List<App> apps = new ArrayList<>();
        for (Element app : children(child(root, "app_log"))) {
            apps.add(new App(decode(app.getAttribute("app_name")), decode(app.getAttribute("app_data")),
                    number(app.getAttribute("app_stamp"))));
        }
        List<Element> flows = children(root).stream().filter(e -> e.getTagName().equals("callflow")).toList();
        // mod_xml_cdr writes the newest dialplan pass first; the first pass is the last element.
        Element profile = flows.isEmpty() ? null : child(flows.getLast(), "caller_profile");
        String switchName = root.getAttribute("switchname");
        return new Leg(switchName.isEmpty() ? null : switchName, variables, apps, decode(text(profile, "caller_id_number")),
                decode(text(profile, "destination_number")), decode(text(child(root, "channel_data"), "direction")));
    }

    private static String scalar(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.isContainer() ? null : node.asString();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    /**
     * Undoes FreeSWITCH's {@code switch_url_encode}: {@code %XX} sequences become the UTF-8 bytes they name. A
     * {@code +} stays a plus (FreeSWITCH encodes a space as {@code %20}, and numbers start with +), and a % not
     * followed by two hex digits stays as it is, so a value sent without {@code encode-values} reads the same. NUL
     * characters are dropped, before and after decoding.
     */
    static String decode(String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            value = value.replace("\u0000", ""); // FreeSWITCH sends none; no text column takes one
        }
        if (value == null || value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).replace("\u0000", "");
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
