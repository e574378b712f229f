package io.callrecords.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description of the call read endpoints that annotations would repeat: the filter parameters of
 * every list ({@link CallListParameters}) with their enums and examples, the schemas of the answers, and examples of
 * the 401 and 429 answers (the error envelope's schema is the service's one).
 */
@Component
class CallsOpenApi implements OperationCustomizer, OpenApiCustomizer {

    private static final Set<Class<?>> READ_CONTROLLERS = Set.of(CallsController.class, CallExportController.class,
            LegacyCdrsController.class);
    /** The body schema of each endpoint's 200, by controller and method. */
    private static final Map<String, String> BODIES = Map.of(
            "CallsController.list", CallSchemas.LIST,
            "CallsController.get", CallSchemas.ONE,
            "CallsController.getDated", CallSchemas.ONE,
            "LegacyCdrsController.list", CallSchemas.CDR_LIST,
            "LegacyCdrsController.get", CallSchemas.CDR_ONE);

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        // The error envelope is the service's one (shared OpenApiErrors), not a schema of the calls.
        CallSchemas.all().forEach((name, schema) -> {
            if (!name.equals(CallSchemas.ERROR) && !name.equals(CallSchemas.INVALID)) {
                openApi.getComponents().addSchemas(name, schema);
            }
        });
        describeFlowDetail(openApi.getComponents().getSchemas().get(CallSchemas.RECORD));
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!READ_CONTROLLERS.contains(handler.getBeanType())) {
            return operation;
        }
        CallListParameters list = handler.getMethodAnnotation(CallListParameters.class);
        if (list != null) {
            switch (list.value()) {
                case OFFSET_AND_CURSOR -> {
                    add(operation, "limit", "Records per page, 1 to 100", whole(1, 100, 10), "10");
                    add(operation, "offset", "Records to skip (records, not pages)", whole(0, null, 0), "0");
                    add(operation, "cursor", "meta.next_cursor of the previous page: keyset paging, as fast on the"
                            + " 1,000th page as on the first; not with offset", new StringSchema(), null);
                }
                case EXPORT -> {
                    operation.addParametersItem(parameter("format", "csv (RFC 4180, header row) or"
                            + " ndjson (one record per line)", choices("csv", "ndjson"), "csv").required(true));
                    add(operation, "layout", "Of the CSV: records (the default) has the record's fields as the API"
                            + " names them, then the directory's names; spreadsheet is for people: headings in words,"
                            + " times local in the account's time zone and in UTC (2026-03-26 15:31:32), durations in"
                            + " seconds and as h:mm:ss, a name beside every id, reasons in words, no call_flow JSON,"
                            + " a UTF-8 byte order mark first", choices("records", "spreadsheet"), "records");
                }
                case PAGES -> {
                    add(operation, "page", "Page number, from 1", whole(1, null, 1), "1");
                    add(operation, "per_page", "Records per page, 1 to 100", whole(1, 100, 10), "10");
                }
            }
            filters(operation);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.addApiResponse("401", json("No API key, or an unknown, revoked or expired one",
                CallExamples.UNAUTHORIZED, CallExamples.NOT_AUTHORIZED));
        responses.addApiResponse("429", json("The account's rate limit is exceeded (see the x-ratelimit-* headers)",
                CallExamples.RATE_LIMITED));
        String body = BODIES.get(handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
        ApiResponse ok = responses.get("200");
        MediaType media = ok == null || ok.getContent() == null ? null : ok.getContent().get("application/json");
        if (media != null && body != null) {
            media.setSchema(CallSchemas.ref(body));
        }
        return operation.responses(responses);
    }

    /** The detail of a call-flow entry is the detail its event was sent with: say so, where it has no description. */
    private static void describeFlowDetail(Schema<?> record) {
        Schema<?> flow = record == null || record.getProperties() == null ? null : record.getProperties().get("call_flow");
        Schema<?> entry = flow == null ? null : flow.getItems();
        Schema<?> detail = entry == null || entry.getProperties() == null ? null : entry.getProperties().get("detail");
        if (detail != null && detail.getDescription() == null && detail.getProperties() == null) {
            detail.setDescription("The detail the event was sent with (see CallEventDetail)");
        }
    }

    private static void filters(Operation operation) {
        add(operation, "sort", "Order of the records", choices(Arrays.stream(CallSort.values()).map(CallSort::wire)
                .toArray(String[]::new))._default("started_at.desc"), "started_at.desc");
        add(operation, "status", "ended (default): ended calls; live: calls in progress", choices("ended", "live"), "ended");
        add(operation, "q", "Digits found inside caller_number or callee_number (5321234567)", new StringSchema(),
                "5321234567");
        for (String op : List.of("gt", "gte", "lt", "lte")) {
            add(operation, "started_at[" + op + "]", "Start time: " + CallFilterParameters.TIME_FORMS + "; a date is"
                    + " the whole UTC day", new StringSchema(), op.startsWith("g") ? "2026-03-01T00:00:00Z" : "2026-03-07");
        }
        for (String op : List.of("gt", "gte", "lt", "lte")) {
            add(operation, "call_duration[" + op + "]", "Duration in whole seconds", whole(0, null, null), "30");
        }
        for (String op : List.of("gt", "gte")) {
            add(operation, "updated_at[" + op + "]", "Last change of the record (incremental sync, with"
                    + " sort=updated_at.asc)", new StringSchema().format("date-time"), "2026-03-26T12:00:00Z");
        }
        enumFilter(operation, "direction", names(Direction.values()), "inbound");
        add(operation, "missing_call[eq]", "Missed (true) or not (false)", new BooleanSchema(), "true");
        enumFilter(operation, "missing_call_reason", names(MissingCallReason.values()), "abandoned");
        add(operation, "user_id[eq]", "The user who handled the call", whole(0, null, null), "42");
        add(operation, "user_id[in]", "Any of these users, comma-separated", new StringSchema(), "42,43");
        add(operation, "number_id[eq]", "The account number (DID) of the call", whole(0, null, null), "717");
        enumFilter(operation, "callee_type", names(EndpointType.values()), "team");
        add(operation, "returned[eq]", "Missing calls that were (true) or were not (false) called back",
                new BooleanSchema(), "false");
        add(operation, "tag_id[eq]", "Calls that have this tag", whole(0, null, null), "3");
        add(operation, "tag_id[in]", "Calls that have any of these tags, comma-separated", new StringSchema(), "3,4");
        add(operation, "commented[eq]", "Calls with (true) or without (false) a comment", new BooleanSchema(),
                "true");
        add(operation, "disposition_code[eq]", "Calls given this disposition code", new StringSchema(), "sale");
        add(operation, "disposition_code[in]", "Calls given any of these disposition codes, comma-separated",
                new StringSchema(), "sale,no_interest");
    }

    private static void enumFilter(Operation operation, String name, String[] values, String example) {
        add(operation, name + "[eq]", "Exactly this " + name, choices(values), example);
        add(operation, name + "[in]", "Any of these, comma-separated (" + String.join(", ", values) + ")",
                new StringSchema(), values[0] + "," + values[1]);
    }

    private static void add(Operation operation, String name, String description, Schema<?> schema, String example) {
        operation.addParametersItem(parameter(name, description, schema, example));
    }

    private static Parameter parameter(String name, String description, Schema<?> schema, String example) {
        return new Parameter().in("query").name(name).description(description).schema(schema).example(example)
                .required(false);
    }

    private static Schema<?> whole(Integer min, Integer max, Integer fallback) {
        IntegerSchema schema = new IntegerSchema();
        if (min != null) {
            schema.setMinimum(BigDecimal.valueOf(min));
        }
        if (max != null) {
            schema.setMaximum(BigDecimal.valueOf(max));
        }
        if (fallback != null) {
            schema.setDefault(fallback);
        }
        return schema;
    }

    private static StringSchema choices(String... values) {
        StringSchema schema = new StringSchema();
        schema.setEnum(List.of(values));
        return schema;
    }

    private static String[] names(WireName[] values) {
        return Arrays.stream(values).map(WireName::wire).toArray(String[]::new);
    }

    /** The example as a JSON tree, so the document shows an object rather than a string of JSON. */
    private static Object parsed(String example) {
        try {
            return Json.mapper().readTree(example);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A bad example in the OpenAPI description: " + example, e);
        }
    }

    private static ApiResponse json(String description, String... examples) {
        MediaType media = new MediaType();
        for (int i = 0; i < examples.length; i++) {
            media.addExamples(examples.length == 1 ? "example" : i == 0 ? "missing_key" : "bad_key",
                    new Example().value(parsed(examples[i])));
        }
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json", media));
    }
}
