package io.callrecords.sources.freeswitch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The anonymised FreeSWITCH CDRs under {@code src/test/resources/sources/freeswitch/<case>/}: one JSON file per leg
 * ({@code a.json} is the A-leg), leg uuids written as {@code {{A}}}, {@code {{B1}}} ..., replaced by fresh uuids for
 * each use, and {@code expected.json}, the record the case must give. Each leg can be sent in every form FreeSWITCH's
 * modules post it.
 */
final class CdrFixtures {

    static final List<String> CASES = List.of("bridged", "ring_group_unanswered", "ring_group_answered",
            "queue_answered", "queue_abandoned", "queue_timeout_voicemail", "ivr_short_hangup", "blind_transfer",
            "attended_transfer", "closed_hours", "outbound_gateway", "internal");

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z0-9]+)}}");

    /** How a leg travels, as the modules' settings make it. */
    enum Encoding {
        /** mod_json_cdr {@code encode=false}, {@code encode-values=false}. */
        RAW_JSON("application/json"),
        /** mod_json_cdr {@code encode=true} with {@code encode-values=true} (its defaults). */
        FORM_JSON("application/x-www-form-urlencoded"),
        /** mod_xml_cdr: {@code cdr=<XML>}, its values %-encoded. */
        FORM_XML("application/x-www-form-urlencoded"),
        /** mod_json_cdr {@code encode=base64} with {@code encode-values=true}. */
        BASE64_JSON("application/x-www-form-base64-encoded");

        final String contentType;

        Encoding(String contentType) {
            this.contentType = contentType;
        }

        byte[] body(String legJson) {
            return switch (this) {
                case RAW_JSON -> legJson.getBytes(StandardCharsets.UTF_8);
                case FORM_JSON -> ("cdr=" + URLEncoder.encode(encodeValues(legJson), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                case FORM_XML -> ("cdr=" + URLEncoder.encode(xml(legJson), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                case BASE64_JSON -> ("cdr=" + Base64.getEncoder().encodeToString(
                        encodeValues(legJson).getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
            };
        }
    }

    /** One case with its own uuids. */
    record Case(String name, Map<String, String> uuids, Map<String, String> legs, JsonNode expected) {

        String aLeg() {
            return uuids.get("A");
        }

        /** Every leg twice, in an order drawn from {@code seed}: FreeSWITCH's retries and arbitrary arrival. */
        List<String> duplicatedAndShuffled(long seed) {
            List<String> out = new ArrayList<>(legs.values());
            out.addAll(legs.values());
            Collections.shuffle(out, new Random(seed));
            return out;
        }

        long startSecond() {
            return Long.parseLong(JSON.readTree(legs.get("a")).path("variables").path("start_epoch").asString());
        }
    }

    private CdrFixtures() {}

    static Case load(String name) {
        Map<String, String> uuids = new LinkedHashMap<>();
        Map<String, String> legs = new LinkedHashMap<>();
        for (String leg : List.of("a", "b1", "b2", "g1", "g2", "c")) {
            String text = resource(name + "/" + leg + ".json");
            if (text != null) {
                legs.put(leg, fill(text, uuids));
            }
        }
        return new Case(name, uuids, legs, JSON.readTree(resource(name + "/expected.json")));
    }

    private static String fill(String text, Map<String, String> uuids) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, uuids.computeIfAbsent(m.group(1), k -> UUID.randomUUID().toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resource(String path) {
        try (InputStream in = CdrFixtures.class.getResourceAsStream("/sources/freeswitch/" + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** FreeSWITCH's {@code switch_url_encode}: everything but letters, digits and {@code -_.~} as %XX. */
    static String urlEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The leg as {@code encode-values=true} writes it: every variable and application value %-encoded. */
    static String encodeValues(String legJson) {
        ObjectNode root = (ObjectNode) JSON.readTree(legJson);
        ObjectNode vars = (ObjectNode) root.path("variables");
        for (String name : new ArrayList<>(vars.propertyNames())) {
            vars.put(name, urlEncode(vars.path(name).asString()));
        }
        for (JsonNode app : root.path("app_log").path("applications")) {
            ((ObjectNode) app).put("app_data", urlEncode(app.path("app_data").asString()));
        }
        return JSON.writeValueAsString(root);
    }

    /** The leg as mod_xml_cdr lays it out: variables as elements with %-encoded text, the newest callflow first. */
    static String xml(String legJson) {
        JsonNode root = JSON.readTree(legJson);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<cdr core-uuid=\"")
                .append(attr(root.path("core-uuid").asString())).append("\" switchname=\"")
                .append(attr(root.path("switchname").asString())).append("\">\n  <channel_data>\n    <state>")
                .append(root.path("channel_data").path("state").asString()).append("</state>\n    <direction>")
                .append(root.path("channel_data").path("direction").asString())
                .append("</direction>\n  </channel_data>\n  <variables>\n");
        root.path("variables").properties().forEach(e -> x.append("    <").append(e.getKey()).append('>')
                .append(urlEncode(e.getValue().asString())).append("</").append(e.getKey()).append(">\n"));
        x.append("  </variables>\n  <app_log>\n");
        for (JsonNode app : root.path("app_log").path("applications")) {
            x.append("    <application app_name=\"").append(attr(app.path("app_name").asString()))
                    .append("\" app_data=\"").append(attr(urlEncode(app.path("app_data").asString())))
                    .append("\" app_stamp=\"").append(app.path("app_stamp").asString()).append("\"></application>\n");
        }
        x.append("  </app_log>\n");
        for (JsonNode flow : root.path("callflow")) {
            JsonNode p = flow.path("caller_profile");
            x.append("  <callflow dialplan=\"XML\" profile_index=\"1\">\n    <caller_profile>\n")
                    .append("      <caller_id_number>").append(urlEncode(p.path("caller_id_number").asString()))
                    .append("</caller_id_number>\n      <destination_number>")
                    .append(urlEncode(p.path("destination_number").asString()))
                    .append("</destination_number>\n      <uuid>").append(p.path("uuid").asString())
                    .append("</uuid>\n    </caller_profile>\n  </callflow>\n");
        }
        return x.append("</cdr>\n").toString();
    }

    private static String attr(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
