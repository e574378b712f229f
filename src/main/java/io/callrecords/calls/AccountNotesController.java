package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's lists that calls are marked with: {@code /api/v3/tags} and {@code /api/v3/dispositions}. Reading
 * needs {@code read}; creating, changing (any subset of the fields, with PUT) and deleting need {@code admin}.
 */
@RestController
@Tag(name = CallsApiTypes.TAG, description = CallsApiTypes.TAG_DESCRIPTION)
class AccountNotesController {

    private final Tags tags;
    private final Dispositions dispositions;

    AccountNotesController(Tags tags, Dispositions dispositions) {
        this.tags = tags;
        this.dispositions = dispositions;
    }

    @GetMapping("/api/v3/tags")
    @Operation(operationId = "listTags", summary = "List the account's tags", description = "By name.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Items per page, 1 to 100",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Items to skip",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    NotesApiTypes.TagsBody listTags(Caller caller,
                                    @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        NotesListQuery query = NotesListQuery.read(parameters, false);
        Listed<Tags.Tag> page = tags.page(caller.accountId(), query.limit(), query.offset());
        return new NotesApiTypes.TagsBody(page.items().stream().map(NotesApiTypes.TagView::of).toList(),
                query.meta(page.count()));
    }

    @PostMapping("/api/v3/tags")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTag", summary = "Create a tag", description = "Needs the admin scope.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NotesApiTypes.TagRequest.class),
            examples = @ExampleObject(value = "{\"name\": \"VIP\", \"color\": \"#025196\"}")))
    NotesApiTypes.TagBody createTag(Caller caller, @RequestBody Map<String, Object> body) {
        return tagBody(tags.create(caller, body));
    }

    @GetMapping("/api/v3/tags/{id}")
    @Operation(operationId = "getTag", summary = "Get a tag")
    NotesApiTypes.TagBody getTag(Caller caller, @Parameter(example = "3") @PathVariable String id) {
        return tagBody(tags.get(caller.accountId(), PathIds.parse(id)));
    }

    @PutMapping("/api/v3/tags/{id}")
    @Operation(operationId = "updateTag", summary = "Change a tag", description = "Any subset of the fields; needs"
            + " the admin scope.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NotesApiTypes.TagRequest.class),
            examples = @ExampleObject(value = "{\"color\": \"#b91c1c\"}")))
    NotesApiTypes.TagBody updateTag(Caller caller, @Parameter(example = "3") @PathVariable String id,
                                    @RequestBody Map<String, Object> body) {
        return tagBody(tags.update(caller, PathIds.parse(id), body));
    }

    @DeleteMapping("/api/v3/tags/{id}")
    @Operation(operationId = "deleteTag", summary = "Delete a tag", description = "Takes it off every call that"
            + " has it (each sends call_updated); answers it as it was. Needs the admin scope.")
    NotesApiTypes.TagBody deleteTag(Caller caller, @Parameter(example = "3") @PathVariable String id) {
        return tagBody(tags.delete(caller, PathIds.parse(id)));
    }

    @GetMapping("/api/v3/dispositions")
    @Operation(operationId = "listDispositions", summary = "List the account's disposition codes", description = "By code.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Items per page, 1 to 100",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Items to skip",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    NotesApiTypes.DispositionsBody listDispositions(Caller caller,
                                                    @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        NotesListQuery query = NotesListQuery.read(parameters, false);
        Listed<Dispositions.Disposition> page = dispositions.page(caller.accountId(), query.limit(), query.offset());
        return new NotesApiTypes.DispositionsBody(page.items().stream().map(NotesApiTypes.DispositionView::of).toList(),
                query.meta(page.count()));
    }

    @PostMapping("/api/v3/dispositions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createDisposition", summary = "Create a disposition code", description = "Needs the"
            + " admin scope.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NotesApiTypes.DispositionRequest.class),
            examples = @ExampleObject(value = "{\"code\": \"sale\", \"name\": \"Sale closed\"}")))
    NotesApiTypes.DispositionBody createDisposition(Caller caller, @RequestBody Map<String, Object> body) {
        return dispositionBody(dispositions.create(caller, body));
    }

    @GetMapping("/api/v3/dispositions/{id}")
    @Operation(operationId = "getDisposition", summary = "Get a disposition code")
    NotesApiTypes.DispositionBody getDisposition(Caller caller, @Parameter(example = "5") @PathVariable String id) {
        return dispositionBody(dispositions.get(caller.accountId(), PathIds.parse(id)));
    }

    @PutMapping("/api/v3/dispositions/{id}")
    @Operation(operationId = "updateDisposition", summary = "Change a disposition code", description = "Any subset"
            + " of the fields; calls keep it under its new code. Needs the admin scope.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NotesApiTypes.DispositionRequest.class),
            examples = @ExampleObject(value = "{\"name\": \"Sale (closed)\"}")))
    NotesApiTypes.DispositionBody updateDisposition(Caller caller, @Parameter(example = "5") @PathVariable String id,
                                                    @RequestBody Map<String, Object> body) {
        return dispositionBody(dispositions.update(caller, PathIds.parse(id), body));
    }

    @DeleteMapping("/api/v3/dispositions/{id}")
    @Operation(operationId = "deleteDisposition", summary = "Delete a disposition code", description = "Clears it"
            + " from every call that has it (each sends call_updated); answers it as it was. Needs the admin scope.")
    NotesApiTypes.DispositionBody deleteDisposition(Caller caller, @Parameter(example = "5") @PathVariable String id) {
        return dispositionBody(dispositions.delete(caller, PathIds.parse(id)));
    }

    private static NotesApiTypes.TagBody tagBody(Tags.Tag tag) {
        return new NotesApiTypes.TagBody(NotesApiTypes.TagView.of(tag));
    }

    private static NotesApiTypes.DispositionBody dispositionBody(Dispositions.Disposition disposition) {
        return new NotesApiTypes.DispositionBody(NotesApiTypes.DispositionView.of(disposition));
    }
}
