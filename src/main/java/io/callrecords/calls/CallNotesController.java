package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.PathIds;
import io.callrecords.shared.PathUuids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What people write on one call (directory.md): its comments, its tags and its disposition. Reading needs the
 * {@code read} scope, writing {@code write}; a call the caller may not see (another account's, or for an agent
 * another agent's) is 404.
 */
@RestController
@RequestMapping("/api/v3/calls/{uuid}")
@Tag(name = CallsApiTypes.TAG, description = CallsApiTypes.TAG_DESCRIPTION)
class CallNotesController {

    private static final String UUID_EXAMPLE = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea";

    private final CallComments comments;
    private final CallTags tags;
    private final CallDispositions dispositions;

    CallNotesController(CallComments comments, CallTags tags, CallDispositions dispositions) {
        this.comments = comments;
        this.tags = tags;
        this.dispositions = dispositions;
    }

    @GetMapping("/comments")
    @Operation(operationId = "listCallComments", summary = "List a call's comments", description = "Oldest first"
            + " unless sort=created_at.desc.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Items per page, 1 to 100",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Items to skip",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = "sort", in = ParameterIn.QUERY, schema = @Schema(type = "string",
            allowableValues = {"created_at.asc", "created_at.desc"}, defaultValue = "created_at.asc"))
    NotesApiTypes.CommentsBody listComments(Caller caller, @Parameter(example = UUID_EXAMPLE) @PathVariable String uuid,
                                            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        NotesListQuery query = NotesListQuery.read(parameters, true);
        Listed<CallComments.Comment> page = comments.list(caller, PathUuids.parse(uuid), query.limit(), query.offset(),
                query.newestFirst());
        return new NotesApiTypes.CommentsBody(page.items().stream().map(NotesApiTypes.CommentView::of).toList(),
                query.meta(page.count()));
    }

    @PostMapping("/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCallComment", summary = "Comment on a call", description = "Written as the person"
            + " behind the request (user), or with no author for an account's API key.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NotesApiTypes.CommentRequest.class),
            examples = @ExampleObject(value = "{\"content\": \"Customer asked for a quote; call back Friday.\"}")))
    NotesApiTypes.CommentBody comment(Caller caller, @Parameter(example = UUID_EXAMPLE) @PathVariable String uuid,
                                      @RequestBody Map<String, Object> body) {
        return new NotesApiTypes.CommentBody(NotesApiTypes.CommentView.of(
                comments.add(caller, PathUuids.parse(uuid), body.get("content"))));
    }

    @GetMapping("/tags")
    @Operation(operationId = "listCallTags", summary = "List a call's tags", description = "By name.")
    NotesApiTypes.CallTagsBody listTags(Caller caller, @Parameter(example = UUID_EXAMPLE) @PathVariable String uuid) {
        return new NotesApiTypes.CallTagsBody(tags.of(caller, PathUuids.parse(uuid)).stream()
                .map(NotesApiTypes.TagView::of).toList());
    }

    @PostMapping("/tags")
    @Operation(operationId = "addCallTag", summary = "Tag a call", description = "Answers the call's tags. Adding a"
            + " tag the call already has changes nothing (200); a tag_id that is not one of the account's tags is a 422.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NotesApiTypes.CallTagRequest.class),
            examples = @ExampleObject(value = "{\"tag_id\": 3}")))
    @ApiResponse(responseCode = "201", description = "Tagged; the call's tags", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = NotesApiTypes.CallTagsBody.class)))
    @ApiResponse(responseCode = "200", description = "The call had the tag already; its tags", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = NotesApiTypes.CallTagsBody.class)))
    ResponseEntity<NotesApiTypes.CallTagsBody> addTag(Caller caller,
                                                      @Parameter(example = UUID_EXAMPLE) @PathVariable String uuid,
                                                      @RequestBody Map<String, Object> body) {
        CallTags.Added added = tags.add(caller, PathUuids.parse(uuid), body.get("tag_id"));
        return ResponseEntity.status(added.added() ? HttpStatus.CREATED : HttpStatus.OK).body(
                new NotesApiTypes.CallTagsBody(added.tags().stream().map(NotesApiTypes.TagView::of).toList()));
    }

    @DeleteMapping("/tags/{tag_id}")
    @Operation(operationId = "removeCallTag", summary = "Take a tag off a call", description = "Also when the call"
            + " does not have it; a tag the account does not have is 404.")
    @ApiResponse(responseCode = "204", description = "The call does not have the tag (any more)")
    ResponseEntity<Void> removeTag(Caller caller, @Parameter(example = UUID_EXAMPLE) @PathVariable String uuid,
                                   @Parameter(example = "3") @PathVariable("tag_id") String tagId) {
        tags.remove(caller, PathUuids.parse(uuid), PathIds.parse(tagId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/disposition")
    @Operation(operationId = "getCallDisposition", summary = "Get a call's disposition",
            description = "data is null when the call has none.")
    NotesApiTypes.CallDispositionBody disposition(Caller caller,
                                                  @Parameter(example = UUID_EXAMPLE) @PathVariable String uuid) {
        return new NotesApiTypes.CallDispositionBody(dispositions.of(caller, PathUuids.parse(uuid))
                .map(NotesApiTypes.CallDispositionView::of).orElse(null));
    }

    @PutMapping("/disposition")
    @Operation(operationId = "setCallDisposition", summary = "Set a call's disposition", description = "By"
            + " disposition_code or by disposition_id, not both; one the account does not have is a 422 naming the field.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NotesApiTypes.CallDispositionRequest.class),
            examples = @ExampleObject(value = "{\"disposition_code\": \"sale\"}")))
    NotesApiTypes.CallDispositionBody setDisposition(Caller caller,
                                                     @Parameter(example = UUID_EXAMPLE) @PathVariable String uuid,
                                                     @RequestBody Map<String, Object> body) {
        return new NotesApiTypes.CallDispositionBody(NotesApiTypes.CallDispositionView.of(
                dispositions.set(caller, PathUuids.parse(uuid), body)));
    }

    @DeleteMapping("/disposition")
    @Operation(operationId = "clearCallDisposition", summary = "Clear a call's disposition")
    @ApiResponse(responseCode = "204", description = "The call has no disposition (any more)")
    ResponseEntity<Void> clearDisposition(Caller caller, @Parameter(example = UUID_EXAMPLE) @PathVariable String uuid) {
        dispositions.clear(caller, PathUuids.parse(uuid));
        return ResponseEntity.noContent().build();
    }
}
