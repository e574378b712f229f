package io.callrecords.people;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.Data;
import io.callrecords.shared.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v3/directory/refs}: the get-or-create a phone system's connector calls when it meets an identifier
 * ({@link DirectoryRefs}). Needs the {@code write} scope (checked for every POST), not {@code admin}: connectors are
 * machines that name what they see.
 */
@RestController
@Tag(name = PeopleViews.TAG, description = PeopleViews.TAG_DESCRIPTION)
class RefsController {

    private final DirectoryRefs refs;

    RefsController(DirectoryRefs refs) {
        this.refs = refs;
    }

    @PostMapping("/api/v3/directory/refs")
    @Operation(operationId = "resolveExternalRef", summary = "Get or create the entry of an external ref",
            description = "201 with the new entry when the ref is new, 200 with its entry otherwise; one entry per"
                    + " (resource_type, source, ref), also under concurrent requests. Extensions are not resolvable.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The entry the ref already named"),
                    @ApiResponse(responseCode = "201", description = "The entry created for the ref")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PeopleViews.RefRequest.class), examples = @ExampleObject(value =
            "{\"resource_type\": \"user\", \"source\": \"freeswitch\", \"ref\": \"1001@pbx.example\", \"name\": \"Extension 1001\"}")))
    ResponseEntity<Data<PeopleViews.EntryView>> resolve(Caller caller, @RequestBody Map<String, Object> body) {
        EntryKind kind = Arrays.stream(EntryKind.values()).filter(k -> k.wire().equals(body.get("resource_type")))
                .findFirst().orElseThrow(() -> ValidationException.of("resource_type",
                        "is required: one of user, team, number, greeting, voicemail_box"));
        String source = body.get("source") instanceof String s ? s : null;
        String ref = body.get("ref") instanceof String r ? r : null;
        Object name = body.get("name");
        if (name != null && !(name instanceof String)) {
            throw ValidationException.of("name", "must be text or absent");
        }
        DirectoryRefs.Resolved resolved = refs.resolveEntry(caller.accountId(), kind, source, ref, (String) name);
        return ResponseEntity.status(resolved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Data.of(PeopleViews.EntryView.of(resolved.entry())));
    }
}
