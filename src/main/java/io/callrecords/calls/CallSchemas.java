package io.callrecords.calls;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schemas (OpenAPI 3.1) of the bodies of the call read endpoints: the record of call-records.md §1 with
 * every enum, its list and export envelopes, the legacy cdr, and the two error shapes.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class CallSchemas {

    static final String RECORD = "CallRecord";
    static final String ONE = "CallRecordResponse";
    static final String LIST = "CallList";
    static final String CDR = "Cdr";
    static final String CDR_ONE = "CdrResponse";
    static final String CDR_LIST = "CdrList";
    static final String ERROR = "Error";
    static final String INVALID = "ValidationError";

    private CallSchemas() {}

    static Map<String, Schema> all() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put(RECORD, record());
        schemas.put(ONE, object(Map.of("data", ref(RECORD))));
        Map<String, Schema> meta = new LinkedHashMap<>();
        meta.put("count", type("integer").description("the number of all matches"));
        meta.put("offset", type("integer"));
        meta.put("limit", type("integer"));
        meta.put("next_cursor", nullable("string").description("cursor of the next page; null after the last"));
        Map<String, Schema> list = new LinkedHashMap<>();
        list.put("data", type("array").items(ref(RECORD)));
        list.put("meta", object(meta));
        schemas.put(LIST, object(list));
        schemas.put(CDR, cdr());
        schemas.put(CDR_ONE, object(Map.of("data", ref(CDR))));
        Map<String, Schema> links = new LinkedHashMap<>();
        for (String link : List.of("first", "last", "prev", "next")) {
            links.put(link, nullable("string").format("uri"));
        }
        Map<String, Schema> pages = new LinkedHashMap<>();
        pages.put("current_page", type("integer"));
        pages.put("from", nullable("integer"));
        pages.put("path", type("string").format("uri"));
        pages.put("per_page", type("string").description("the page size, as a string (as that version served it)"));
        pages.put("to", nullable("integer"));
        Map<String, Schema> cdrList = new LinkedHashMap<>();
        cdrList.put("data", type("array").items(ref(CDR)));
        cdrList.put("links", object(links));
        cdrList.put("meta", object(pages));
        schemas.put(CDR_LIST, object(cdrList));
        schemas.put(ERROR, object(Map.of("errors", object(Map.of("detail", type("string"))))));
        schemas.put(INVALID, object(Map.of("errors", type("object").additionalProperties(type("array")
                .items(type("string"))).description("each bad field or parameter and what is wrong with it"))));
        return schemas;
    }

    static Schema ref(String name) {
        return new JsonSchema().$ref("#/components/schemas/" + name);
    }

    private static Schema record() {
        Map<String, Schema> p = new LinkedHashMap<>();
        p.put("uuid", type("string").format("uuid"));
        p.put("direction", choice(false, Direction.values()));
        p.put("number_id", nullable("integer"));
        p.put("channel_type", nullable("string").description("number today; new types may come"));
        p.put("channel_id", nullable("integer"));
        p.put("caller_number", type("string").description("E.164 (+905321234567) or an extension (101)"));
        p.put("callee_number", type("string").description("E.164 (+905321234567) or an extension (101)"));
        p.put("caller_type", choice(false, EndpointType.USER, EndpointType.CONTACT));
        p.put("caller_id", nullable("integer"));
        p.put("callee_type", choice(false, EndpointType.values()).description("the first endpoint the call was sent to"));
        p.put("callee_id", nullable("integer"));
        for (String id : List.of("user_id", "contact_id", "company_id")) {
            p.put(id, nullable("integer"));
        }
        p.put("related_type", choice(true, RelatedType.values()));
        p.put("related_id", nullable("integer"));
        p.put("started_at", type("string").format("date-time"));
        for (String time : List.of("answered_at", "bridged_at", "ended_at", "team_touch_at")) {
            p.put(time, nullable("string").format("date-time"));
        }
        p.put("first_touch_duration", type("integer").description("seconds"));
        p.put("call_duration", nullable("integer").description("seconds; null until the call ended"));
        p.put("missing_call", nullable("boolean"));
        p.put("missing_call_reason", choice(true, MissingCallReason.values()));
        p.put("hangup_by", choice(true, HangupBy.values()));
        p.put("record_url", nullable("string").format("uri").description("signed, valid for 4 hours"));
        p.put("voicemail_url", nullable("string").format("uri").description("signed, valid for 4 hours"));
        p.put("voicemail_id", nullable("integer"));
        p.put("voicemail_type", choice(true, VoicemailType.values()));
        p.put("callback_user_id", nullable("integer"));
        p.put("callback_time", nullable("integer").description("seconds from the end of the missed call to the callback"));
        p.put("callback_cdr_uuid", nullable("string").format("uuid"));
        p.put("credited", nullable("boolean").description("Hipcall's credited: false for a call derived here once it"
                + " ended, null while live; an imported or mirrored record's as it came"));
        p.put("updated_at", type("string").format("date-time").description("last change of the record"));
        Map<String, Schema> flow = new LinkedHashMap<>();
        flow.put("action", choice(false, CallAction.values()));
        flow.put("detail", type("object").description("Hipcall's entry form: {\"id\", \"type\"} (id null when none;"
                + " init names where the call was first sent), bridge_fail adds \"result\", hangup is {\"hangup_by\"}"));
        flow.put("timestamp", type("integer").description("unix seconds"));
        p.put("call_flow", type("array").items(object(flow)).description("the events of the call, newest first"));
        return object(inFieldOrder(p)).description("A call record (times in UTC to the second with Z; every field always present)");
    }

    /** The properties in the order of {@link CallRecord}'s fields; a field without a schema here stops the start. */
    private static Map<String, Schema> inFieldOrder(Map<String, Schema> properties) {
        if (!properties.keySet().equals(Set.copyOf(CallRecordFields.NAMES))) {
            throw new IllegalStateException("The CallRecord schema has " + properties.keySet() + " for the fields "
                    + CallRecordFields.NAMES);
        }
        Map<String, Schema> ordered = new LinkedHashMap<>();
        CallRecordFields.NAMES.forEach(name -> ordered.put(name, properties.get(name)));
        return ordered;
    }

    private static Schema cdr() {
        Map<String, Schema> p = new LinkedHashMap<>();
        p.put("resource_type", type("string")._enum(List.of("cdr")));
        p.put("uuid", type("string").format("uuid"));
        p.put("direction", type("integer").description("inbound=1, outbound=2, internal=3"));
        p.put("caller_type", type("integer", "string").description("contact=1, user=2; newer types as their string"));
        p.put("callee_type", type("integer", "string", "null").description("contact=1, user=2, greeting=3, team=4,"
                + " hangup=null; newer types as their string"));
        p.put("missing_call_reason", type("integer", "string").description("none=0, out_of_business_hours=1,"
                + " short_abandoned=2, abandoned=3, callback=4; denylist as its string"));
        p.put("hangup_by", type("integer", "null").description("user=1, contact=2, system=3"));
        p.put("voicemail_type", type("integer", "null").description("user=1, account=2"));
        p.put("channel_type", type("integer", "string", "null").description("number=1"));
        p.put("contact_id", type("integer").description("0 when no contact"));
        p.put("started_at", type("string").description("2022-07-07T20:40:39+0000"));
        return object(p).description("A call in the legacy v20211124 shape; the other fields are those of CallRecord,"
                + " times as 2022-07-07T20:40:39+0000");
    }

    private static Schema choice(boolean nullable, WireName... values) {
        List<Object> names = Arrays.stream(values).map(v -> (Object) v.wire()).collect(java.util.stream.Collectors.toList());
        if (nullable) {
            names.add(null);
        }
        return (nullable ? nullable("string") : type("string"))._enum(names);
    }

    private static Schema object(Map<String, Schema> properties) {
        return type("object").properties(new LinkedHashMap<>(properties));
    }

    private static Schema nullable(String type) {
        return type(type, "null");
    }

    private static Schema type(String... types) {
        Set<String> set = new LinkedHashSet<>(List.of(types));
        return new JsonSchema().types(set);
    }
}
