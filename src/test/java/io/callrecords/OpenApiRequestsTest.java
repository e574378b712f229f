package io.callrecords;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.OwnApp;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests generated from the service's own OpenAPI document: every operation, with path and query parameters and
 * bodies of wrong types, boundary values, Unicode edge cases, NUL, huge values and malformed JSON. Whatever the
 * answer, it is never a 5xx: a bad request is the client's to fix, and the service says so.
 *
 * <p>Operations the document describes without parameters or schemas are still tried with the parameter and field
 * names the API uses elsewhere, so a missing schema hides nothing from this test.
 */
@OwnApp // loopback allowed as an outbound host
@TestPropertySource(properties = "callrecords.outbound.allowed-hosts=127.0.0.1")
class OpenApiRequestsTest extends AppTestSupport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Path parameter values: hostile ones and, per name, one that exists (filled in once the data is made). */
    private static final List<String> PATH_VALUES = List.of("0", "-1", "99999999999999999999", "1.5", "abc", "%00",
            "%ED%A0%80", "%FF", "%F0%9F%98%80", "%20", "null", "x".repeat(3000), "6a1c3a52-8f1f-4e57-9d69-0c7b3d0b5e01",
            "%2B905321234567", "1e9");

    private static final List<String> QUERY_VALUES = List.of("", "%00", "a%00b", "%ED%A0%80", "%FF", "-1", "0",
            "99999999999999999999", "1.5", "true", "abc", "%2B999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
            "0000-01-01", "9999-12-31", "2026-02-30", "2026-03-26T12:00:00%2B03:00", "%F0%9F%98%80", "x".repeat(5000),
            "a,,b", ",", "%7B%7D", "inbound", "day", "NaN");

    /** Names the API uses for its query parameters, tried on every operation whatever the document says. */
    private static final List<String> QUERY_NAMES = List.of("limit", "offset", "cursor", "q", "sort", "direction",
            "started_at[gte]", "started_at[lt]", "from", "to", "group_by", "date", "status", "number", "page",
            "per_page", "missing_call", "caller_number", "user_id", "event", "since");

    /** Names the API uses for body fields, tried on every operation that takes a body. */
    private static final List<String> FIELD_NAMES = List.of("id", "call_uuid", "action", "at", "detail", "name",
            "email", "phone_numbers", "company_id", "url", "events", "description", "scopes", "expires_at", "reason",
            "note", "time_zone", "business_hours", "callback_window", "denylist", "short_abandon_seconds",
            "default_region", "source_url", "uuid", "started_at", "ended_at", "direction", "caller_number",
            "callee_number", "since", "event", "rate_limit_per_minute", "call_flow", "media_retention_days");

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void noGeneratedRequestIsAnswered5xx() {
        String key = newAccount("openapi-requests", 1_000_000);
        Map<String, String> existing = makeData(key);
        JsonNode document = api.get("/v3/api-docs", null).body();
        assertThat(document.path("paths").size()).as("the OpenAPI document lists the operations").isGreaterThan(30);

        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
            }
        }
        // deletions last, so that the others still find what they name
        operations.sort((a, b) -> Boolean.compare(a.method.equals("DELETE"), b.method.equals("DELETE")));
        for (Operation operation : operations) {
            String token = operation.path.startsWith("/admin/") ? OPERATOR_TOKEN : key;
            tryPathValues(operation, existing, token);
            String path = fill(operation.path, existing, null, null);
            tryQueries(operation, path, token);
            if (!operation.method.equals("GET") && !operation.method.equals("DELETE")) {
                tryBodies(operation, path, token, document);
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(2_000);
        assertThat(failures).as(sent + " requests sent; these were answered 5xx").isEmpty();
    }

    private record Operation(String method, String path, JsonNode spec) {}

    /** A contact, a company, a webhook and a call, for path parameters that must exist to get past a 404. */
    private Map<String, String> makeData(String key) {
        Map<String, String> existing = new LinkedHashMap<>();
        String call = UUID.randomUUID().toString();
        api.post("/api/v3/call-events", key, "[{\"id\": \"d-1\", \"call_uuid\": \"" + call + "\", \"action\": \"init\","
                + " \"at\": \"2026-03-26T10:00:00Z\", \"detail\": {\"caller\": {\"number\": \"+905321234567\","
                + " \"type\": \"contact\"}, \"callee\": {\"number\": \"+908502010000\", \"type\": \"greeting\", \"id\": 1}}},"
                + " {\"id\": \"d-2\", \"call_uuid\": \"" + call + "\", \"action\": \"hangup\", \"at\": \"2026-03-26T10:00:05Z\","
                + " \"detail\": {\"hangup_by\": \"contact\"}}]");
        existing.put("uuid", call);
        existing.put("yyyy", "2026");
        existing.put("mm", "03");
        existing.put("dd", "26");
        existing.put("number", "%2B905321234567");
        existing.put("kind", "recording");
        existing.put("contacts", api.post("/api/v3/contacts", key, "{\"name\": \"Ada\"}").data().path("id").asString());
        existing.put("companies", api.post("/api/v3/companies", key, "{\"name\": \"ACME\"}").data().path("id").asString());
        Api.Response webhook = api.post("/api/v3/webhooks", key, "{\"url\": \"https://127.0.0.1:9/hook\","
                + " \"events\": [\"call_hangup\"]}");
        assertThat(webhook.status()).as(webhook.raw().body()).isEqualTo(201);
        existing.put("webhooks", webhook.data().path("id").asString());
        existing.put("api-keys", newKey(key, "[\"read\"]")[0]);
        existing.put("deliveryId", "1");
        return existing;
    }

    /** The path with its parameters filled: {@code name} gets {@code value}, the others what exists. */
    private static String fill(String template, Map<String, String> existing, String name, String value) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (String segment : template.split("/", -1)) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String parameter = segment.substring(1, segment.length() - 1).split(":")[0];
                String filled = parameter.equals(name) ? value
                        : existing.getOrDefault(parameter, existing.getOrDefault(previous, "1"));
                out.append(filled);
            } else {
                out.append(segment);
            }
            out.append('/');
            previous = segment;
        }
        return out.substring(0, out.length() - 1);
    }

    private void tryPathValues(Operation operation, Map<String, String> existing, String token) {
        for (String parameter : pathParameters(operation.path)) {
            for (String value : PATH_VALUES) {
                send(operation.method, fill(operation.path, existing, parameter, value), token, null, null);
            }
        }
    }

    private static List<String> pathParameters(String template) {
        List<String> names = new ArrayList<>();
        for (String segment : template.split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                names.add(segment.substring(1, segment.length() - 1).split(":")[0]);
            }
        }
        return names;
    }

    /** Each declared query parameter with every hostile value; the API's other names with a few, on reads. */
    private void tryQueries(Operation operation, String path, String token) {
        Map<String, List<String>> tried = new LinkedHashMap<>();
        for (JsonNode parameter : operation.spec.path("parameters")) {
            if (parameter.path("in").asString().equals("query")) {
                tried.put(parameter.path("name").asString(), QUERY_VALUES);
            }
        }
        if (operation.method.equals("GET")) {
            QUERY_NAMES.forEach(name -> tried.putIfAbsent(name, QUERY_VALUES.subList(0, 6)));
        }
        tried.forEach((name, values) -> {
            String encodedName = URLEncoder.encode(name, StandardCharsets.UTF_8);
            for (String value : values) {
                send(operation.method, path + "?" + encodedName + "=" + value, token, null, null);
            }
            send(operation.method, path + "?" + encodedName + "=1&" + encodedName + "=2", token, null, null);
        });
        for (String odd : List.of("=", "&=x", "%00=1", "a%00=1", "%ED%A0%80=1", "&&&", "a=1&a", "limit%5B%5D=1")) {
            send(operation.method, path + "?" + odd, token, null, null);
        }
    }

    private void tryBodies(Operation operation, String path, String token, JsonNode document) {
        for (String raw : List.of("", "null", "[]", "{}", "\"x\"", "1", "1e400", "-0", "{\"a\":", "{\"a\": 1}}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\": \"\\ud800\"}", "{\"\\u0000\": 1}",
                "123456789012345678901234567890", "[null, 1, \"x\", {}]", "\u00ff\u00fe")) {
            for (String type : List.of("application/json", "application/x-ndjson", "text/csv")) {
                send(operation.method, path, token, type, raw.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        send(operation.method, path, token, "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8));
        send(operation.method, path, token, "text/csv", "name,email\n\"a,b\n\u0000,\n".getBytes(StandardCharsets.UTF_8));
        send(operation.method, path, token, "audio/wav", new byte[] {'R', 'I', 'F', 'F', 0, 0});

        // Every field at once set to each hostile value: the readers report all fields, so each is reached.
        for (ObjectNode base : baseBodies(operation, document)) {
            for (JsonNode value : hostileValues()) {
                ObjectNode body = base.deepCopy();
                fieldsOf(base).forEach(field -> set(body, field, value));
                send(operation.method, path, token, "application/json", Api.JSON.writeValueAsBytes(body));
            }
        }
        // A valid example with one field or object changed goes deepest: past validation into the store.
        for (ObjectNode example : examples(operation)) {
            Set<String> fields = new LinkedHashSet<>(fieldsOf(example));
            example.propertyNames().forEach(fields::add);
            for (String field : fields) {
                for (JsonNode value : hostileValues()) {
                    ObjectNode body = example.deepCopy();
                    set(body, field, value);
                    send(operation.method, path, token, "application/json", Api.JSON.writeValueAsBytes(body));
                }
            }
        }
    }

    private static List<ObjectNode> examples(Operation operation) {
        List<ObjectNode> examples = new ArrayList<>();
        for (JsonNode content : operation.spec.path("requestBody").path("content")) {
            if (content.path("example").isObject()) {
                examples.add((ObjectNode) content.path("example"));
            }
            for (JsonNode example : content.path("examples")) {
                if (example.path("value").isObject()) {
                    examples.add((ObjectNode) example.path("value"));
                }
            }
        }
        return examples;
    }

    /** The document's examples and schema properties where it has them, and an object with every field name the API uses. */
    private static List<ObjectNode> baseBodies(Operation operation, JsonNode document) {
        List<ObjectNode> bases = new ArrayList<>(examples(operation));
        for (JsonNode content : operation.spec.path("requestBody").path("content")) {
            ObjectNode fromSchema = NODES.objectNode();
            for (Map.Entry<String, JsonNode> property : properties(content.path("schema"), document)) {
                fromSchema.put(property.getKey(), "x");
            }
            if (!fromSchema.isEmpty()) {
                bases.add(fromSchema);
            }
        }
        ObjectNode everyName = NODES.objectNode();
        FIELD_NAMES.forEach(name -> everyName.put(name, "x"));
        ObjectNode detail = everyName.putObject("detail");
        detail.putObject("caller").put("number", "+905321234567").put("type", "contact");
        detail.putObject("callee").put("number", "101").put("type", "user");
        bases.add(everyName);
        return bases;
    }

    private static Iterable<Map.Entry<String, JsonNode>> properties(JsonNode schema, JsonNode document) {
        String ref = schema.path("$ref").asString("");
        JsonNode resolved = ref.startsWith("#/components/schemas/")
                ? document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
        return resolved.path("properties").properties();
    }

    /** Dotted paths of every leaf of the body ({@code detail.caller.number}). */
    private static List<String> fieldsOf(JsonNode node) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (property.getValue().isObject() && !property.getValue().isEmpty()) {
                fieldsOf(property.getValue()).forEach(f -> fields.add(property.getKey() + "." + f));
            } else {
                fields.add(property.getKey());
            }
        }
        return fields;
    }

    private static void set(ObjectNode body, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode target = body;
        for (int i = 0; i < parts.length - 1; i++) {
            target = (ObjectNode) target.path(parts[i]);
        }
        target.set(parts[parts.length - 1], value);
    }

    private static List<JsonNode> hostileValues() {
        ArrayNode nested = NODES.arrayNode();
        ArrayNode inner = nested;
        for (int i = 0; i < 100; i++) {
            inner = inner.addArray();
        }
        return List.of(NODES.nullNode(), NODES.stringNode(""), NODES.stringNode(" "), NODES.stringNode("\u0000"),
                NODES.stringNode("a\ud800b"), NODES.stringNode("\udfff"), NODES.stringNode("x".repeat(20_000)),
                NODES.stringNode("\ud83d\ude00"), NODES.stringNode("+10000-01-01T00:00:00Z"),
                NODES.stringNode("-999999999-01-01T00:00:00Z"), NODES.stringNode("9999-12-31T23:59:59-18:00"),
                NODES.stringNode("2026-02-30"), NODES.stringNode("P99999999999D"), NODES.stringNode("{x}"),
                NODES.stringNode("https://169.254.169.254/latest"), NODES.stringNode("https://[::ffff:0:a9fe:a9fe]/"),
                NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")), NODES.numberNode(1.5),
                NODES.numberNode(1e308), NODES.booleanNode(true), NODES.arrayNode(),
                NODES.arrayNode().add("\u0000").add(7), NODES.objectNode(), nested);
    }

    private void send(String method, String target, String token, String contentType, byte[] body) {
        HttpRequest.Builder request;
        try {
            request = api.request(target, token);
        } catch (IllegalArgumentException e) {
            return; // not a URI any client could send
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Api.Response answer = api.send(request);
        sent++;
        if (answer.status() >= 500) {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            failures.add(answer.status() + " " + method + " " + abbreviate(target) + " " + contentType + " " + shown
                    + " -> " + abbreviate(answer.raw().body()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
