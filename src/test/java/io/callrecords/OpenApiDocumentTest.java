package io.callrecords;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.AppTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The served OpenAPI document describes every operation completely: a tag, the schema of its request body, of its
 * 2xx answer and of each error it can give (the one error envelope), with examples. A client generated from it
 * (OpenApiClientTest) is only as good as this.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest extends AppTestSupport {

    private static final String ERROR = "#/components/schemas/Error";

    /** The modules with HTTP operations, each one tag. */
    private static final Set<String> MODULES = Set.of("Accounts", "Directory", "People", "Calls", "Media", "Webhooks", "Reports",
            "Sources");

    /** Operations that take no request body (everything else that is not a GET or DELETE must describe one). */
    private static final Set<String> WITHOUT_BODY = Set.of(
            "POST /api/v3/webhooks/{id}/pause", "POST /api/v3/webhooks/{id}/resume",
            "POST /api/v3/webhooks/{id}/rotate-secret", "POST /api/v3/webhooks/{id}/deliveries/{deliveryId}/resend",
            "POST /api/v3/webhooks/{id}/recover", "POST /api/v3/missed-calls/{number}/undismiss",
            "POST /api/v3/sources/hipcall/rotate-token");

    private JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    private record Operation(String method, String path, JsonNode spec) {
        String name() {
            return method + " " + path;
        }

        boolean takesBody() {
            return !method.equals("GET") && !method.equals("DELETE") && !WITHOUT_BODY.contains(name());
        }
    }

    @BeforeAll
    void readDocument() {
        document = api.get("/v3/api-docs", null).body();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
            }
        }
        assertThat(operations).as("operations in the document").hasSizeGreaterThan(45);
    }

    @Test
    void everyOperationHasATagOfItsModule() {
        List<String> untagged = operations.stream().filter(o -> o.spec.path("tags").size() != 1).map(Operation::name).toList();
        assertThat(untagged).as("operations without exactly one tag").isEmpty();
        Set<String> used = new java.util.TreeSet<>();
        operations.forEach(o -> used.add(o.spec.path("tags").path(0).asString()));
        assertThat(used).as("one tag per module").containsExactlyInAnyOrder(MODULES.toArray(String[]::new));
        for (JsonNode tag : document.path("tags")) {
            assertThat(tag.path("description").asString("")).as("description of tag " + tag.path("name")).isNotBlank();
        }
    }

    @Test
    void everyBodyHasASchemaAndAnExample() {
        List<String> missing = new ArrayList<>();
        for (Operation operation : operations) {
            JsonNode body = operation.spec.path("requestBody");
            if (operation.takesBody() && body.path("content").isEmpty()) {
                missing.add(operation.name() + ": no request body");
            }
            body.path("content").properties().forEach(media -> {
                if (!hasSchema(media.getValue())) {
                    missing.add(operation.name() + " request " + media.getKey() + ": no schema");
                }
                if (!hasExample(media.getValue())) {
                    missing.add(operation.name() + " request " + media.getKey() + ": no example");
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everySuccessHasASchemaAndAnExample() {
        List<String> missing = new ArrayList<>();
        for (Operation operation : operations) {
            List<Map.Entry<String, JsonNode>> successes = operation.spec.path("responses").properties().stream()
                    .filter(r -> r.getKey().startsWith("2") || r.getKey().startsWith("3")).toList();
            if (successes.isEmpty()) {
                missing.add(operation.name() + ": no 2xx or 3xx answer");
            }
            for (Map.Entry<String, JsonNode> success : successes) {
                JsonNode content = success.getValue().path("content");
                if (content.isEmpty() && !success.getKey().equals("204")) {
                    missing.add(operation.name() + " " + success.getKey() + ": no content");
                }
                content.properties().forEach(media -> {
                    if (!hasSchema(media.getValue())) {
                        missing.add(operation.name() + " " + success.getKey() + " " + media.getKey() + ": no schema");
                    }
                    List<String> without = new ArrayList<>();
                    if (!hasExample(media.getValue())) {
                        fieldsWithoutExample("", media.getValue().path("schema"), without, 0);
                    }
                    without.forEach(field -> missing.add(operation.name() + " " + success.getKey() + " "
                            + media.getKey() + ": no example for " + field));
                });
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyErrorIsTheEnvelope() {
        List<String> missing = new ArrayList<>();
        for (Operation operation : operations) {
            List<String> expected = new ArrayList<>(List.of("401", "429", "503"));
            if (operation.path.startsWith("/api/")) {
                expected.add("403");
            }
            if (operation.path.contains("{")) {
                expected.add("404");
            }
            boolean query = false;
            for (JsonNode parameter : operation.spec.path("parameters")) {
                query |= parameter.path("in").asString().equals("query");
            }
            if (operation.takesBody() || query) {
                expected.add("422");
            }
            if (operation.takesBody()) {
                expected.add("413");
            }
            JsonNode responses = operation.spec.path("responses");
            for (String status : expected) {
                if (!responses.has(status)) {
                    missing.add(operation.name() + ": no " + status);
                }
            }
            responses.properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
                    if (!schema.path("$ref").asString("").equals(ERROR)) {
                        missing.add(operation.name() + " " + response.getKey() + ": not the Error envelope");
                    }
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    /**
     * A {@code Map<String, Object>} shows in Swagger UI as "additionalProp1": every object here names its fields, or
     * says in its description what they are.
     */
    @Test
    void noSchemaIsAnUntypedMap() {
        List<String> untyped = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(schema -> untyped(schema.getKey(),
                schema.getValue(), untyped));
        assertThat(untyped).isEmpty();
    }

    @Test
    void theApiKeyIsABearerToken() {
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(document.path("security").get(0).has("bearer")).isTrue();
        // Swagger UI renders descriptions as Markdown with HTML: a bare <API key> is swallowed as a tag
        assertThat(document.path("info").path("description").asString()).doesNotContainPattern("(?<!`[^`]{0,40})<API key>");
    }

    private static boolean hasSchema(JsonNode media) {
        JsonNode schema = media.path("schema");
        return schema.has("$ref") || schema.has("type") || schema.has("oneOf") || schema.has("items");
    }

    private static boolean hasExample(JsonNode media) {
        return media.has("example") || !media.path("examples").isEmpty();
    }

    /**
     * The fields of the schema, followed through references, that have no example (a value, or an example of the
     * object or array that holds them): Swagger UI builds the answer's example from these.
     */
    private void fieldsWithoutExample(String where, JsonNode schema, List<String> found, int depth) {
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            schema = document.at(ref.substring(1));
        }
        if (schema.has("example") || schema.has("examples") || schema.has("enum") || schema.has("const") || depth > 6) {
            return;
        }
        if (schema.path("properties").isObject()) {
            schema.path("properties").properties().forEach(p -> fieldsWithoutExample(where + "." + p.getKey(),
                    p.getValue(), found, depth + 1));
        } else if (schema.has("items")) {
            fieldsWithoutExample(where + "[]", schema.path("items"), found, depth + 1);
        } else if (!schema.path("additionalProperties").isMissingNode()) {
            fieldsWithoutExample(where + ".*", schema.path("additionalProperties"), found, depth + 1);
        } else {
            found.add(where.isEmpty() ? "the body" : where.substring(1));
        }
    }

    private static void untyped(String where, JsonNode schema, List<String> found) {
        if (!schema.isObject()) {
            return;
        }
        boolean object = schema.path("type").asString("").equals("object")
                || (schema.path("type").isArray() && schema.path("type").toString().contains("object"));
        JsonNode extra = schema.path("additionalProperties");
        boolean anyValue = extra.isObject() && extra.isEmpty() || extra.isBoolean() && extra.asBoolean();
        // a free-form object is allowed where the document says what goes in it
        boolean described = !schema.path("description").asString("").isBlank();
        if (object && schema.path("properties").isEmpty() && (extra.isMissingNode() || anyValue) && !described) {
            found.add(where + " is an object without named fields");
        }
        schema.path("properties").properties().forEach(p -> untyped(where + "." + p.getKey(), p.getValue(), found));
        untyped(where + "[]", schema.path("items"), found);
    }
}
