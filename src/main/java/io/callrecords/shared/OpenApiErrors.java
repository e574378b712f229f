package io.callrecords.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The error answers of every operation in the OpenAPI document, each with the one error envelope of
 * {@link ErrorBodies} as its schema: 401, 403, 429 and 503 everywhere, 404 where the path names something, 413 where
 * a body is sent, 422 where a body or query parameters are read (or a path id must be a whole number). An operation's own description and example of an answer
 * are kept; only what it lacks is added.
 */
@Component
@SuppressWarnings({"rawtypes", "unchecked"})
class OpenApiErrors implements OpenApiCustomizer {

    /** The name of the error envelope's schema in {@code components.schemas}. */
    static final String SCHEMA = "Error";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(SCHEMA, envelope());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> describe(path, operation)));
    }

    private static void describe(String path, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.forEach((status, response) -> jsonInsteadOfAny(response));
        boolean body = operation.getRequestBody() != null;
        // a bad query parameter, or a path id that is not a whole number (a type mismatch), is a 422 naming it
        Parameter checked = operation.getParameters() == null ? null : operation.getParameters().stream()
                .filter(p -> "query".equals(p.getIn()) || "path".equals(p.getIn()) && wholeNumber(p.getSchema()))
                .findFirst().orElse(null);
        add(responses, "401", "No key or token, or an unknown, revoked or expired one", ErrorBodies.AUTHENTICATION_REQUIRED);
        add(responses, "403", path.startsWith("/admin/") ? "The operator endpoints are off (no operator token is set)"
                : "The API key lacks the scope this operation needs (read, write or admin)",
                path.startsWith("/admin/") ? "Operator endpoints are off: set CALLRECORDS_OPERATOR_TOKEN to use them."
                        : "This API key lacks the 'write' scope.");
        if (path.contains("{")) {
            add(responses, "404", "Nothing of this account at this path", "Not Found");
        }
        if (body) {
            add(responses, "413", "The request body is larger than the limit", "The request body is larger than the limit.");
        }
        if (body || checked != null) {
            Map<String, Object> invalid = ErrorBodies.fields(body ? Map.of("name", List.of("is required"))
                    : Map.of(checked.getName(), List.of("is invalid")));
            responses.computeIfAbsent("422", status -> json("A bad or unknown field or parameter, every one named",
                    invalid));
        }
        add(responses, "429", "The account's rate limit is exceeded (see the x-ratelimit-* headers), or this address"
                + " failed to authenticate too often", "Rate limit of 600 requests per minute exceeded. Retry after 12"
                + " seconds.");
        responses.computeIfAbsent("503", status -> json("The service is past its capacity: retry after Retry-After."
                + " Turned away before any work, or no database connection was free in time (ADR 0013)",
                ErrorBodies.detail(Overload.BUSY)).addHeaderObject("Retry-After",
                new Header().description("Seconds to wait before retrying").schema(new JsonSchema().types(Set.of("integer")))));
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                MediaType media = response.getContent() == null ? null : response.getContent().get("application/json");
                if (media == null) {
                    media = new MediaType();
                    response.setContent(new Content().addMediaType("application/json", media));
                }
                media.setSchema(new JsonSchema().$ref("#/components/schemas/" + SCHEMA));
            }
        });
        operation.setResponses(responses);
    }

    private static boolean wholeNumber(Schema<?> schema) {
        return schema != null && ("integer".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("integer"));
    }

    /** Spring MVC would answer these as JSON: say so, rather than {@code *}{@code /*}. */
    private static void jsonInsteadOfAny(ApiResponse response) {
        if (response.getContent() != null && response.getContent().containsKey("*/*")) {
            MediaType any = response.getContent().remove("*/*");
            response.getContent().putIfAbsent("application/json", any);
        }
    }

    private static void add(ApiResponses responses, String status, String description, String detail) {
        responses.computeIfAbsent(status, s -> json(description, ErrorBodies.detail(detail)));
    }

    private static ApiResponse json(String description, Map<String, Object> example) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().example(example)));
    }

    /** {@code {"errors": {"detail": "..."}}}, or for bad input {@code {"errors": {"<field>": ["what is wrong"]}}}. */
    private static Schema envelope() {
        Map<String, Schema> detail = new LinkedHashMap<>();
        detail.put("detail", new JsonSchema().types(Set.of("string")).description("What went wrong, in a sentence"));
        Schema errors = new JsonSchema().types(Set.of("object")).properties(detail)
                .additionalProperties(new JsonSchema().types(Set.of("array")).items(new JsonSchema().types(Set.of("string"))))
                .description("Either detail, or each bad field or parameter (rows[3].name for an item of a bulk body)"
                        + " with what is wrong with it");
        return new JsonSchema().types(Set.of("object")).properties(new LinkedHashMap<>(Map.of("errors", errors)))
                .required(List.of("errors")).description("The one error envelope of every answer 4xx and 5xx");
    }
}
