package io.callrecords.people;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.Data;
import io.callrecords.shared.ImportRows;
import io.callrecords.shared.ListPage;
import io.callrecords.shared.ListQuery;
import io.callrecords.shared.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v3/users}: the account's users: people who answer and make calls, and, with a password, sign in. Create, read, change (any subset), delete (the entry keeps its id and name for
 * old calls and answers 404 from then on), list, and import many at once from a JSON array or CSV. Writes need the
 * {@code admin} scope.
 */
@RestController
@RequestMapping("/api/v3/users")
@Tag(name = PeopleViews.TAG, description = PeopleViews.TAG_DESCRIPTION)
class UsersController {

    private static final EntryKind KIND = EntryKind.USER;

    private final DirectoryEntries entries;

    UsersController(DirectoryEntries entries) {
        this.entries = entries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createUser", summary = "Create a user")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PeopleViews.UserRequest.class), examples = @ExampleObject(value = "{\"name\": \"Ayşe Yılmaz\", \"email\": \"ayse@example.com\", \"role\": \"agent\"}")))
    Data<PeopleViews.UserView> create(Caller caller, @RequestBody Map<String, Object> body) {
        caller.require(Scope.ADMIN);
        return data(entries.create(caller.accountId(), KIND, body));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getUser", summary = "Get one")
    Data<PeopleViews.UserView> get(Caller caller, @Parameter(example = "1") @PathVariable String id) {
        return data(entries.get(caller.accountId(), KIND, PathIds.parse(id)));
    }

    /** The same, as Hipcall's PHP SDK asks for it: with a slash at the end ({@code /users/11/}). */
    @GetMapping("/{id}/")
    @Operation(hidden = true)
    Data<PeopleViews.UserView> getWithSlash(Caller caller, @PathVariable String id) {
        return get(caller, id);
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateUser", summary = "Change one", description = "Any subset of the fields of create.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PeopleViews.UserRequest.class), examples = @ExampleObject(value = "{\"title\": \"Support lead\"}")))
    Data<PeopleViews.UserView> update(Caller caller, @Parameter(example = "1") @PathVariable String id,
                                    @RequestBody Map<String, Object> patch) {
        caller.require(Scope.ADMIN);
        return data(entries.update(caller.accountId(), KIND, PathIds.parse(id), patch));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteUser", summary = "Delete one", description = "Answers it as it was; its id is"
            + " never given again and old calls keep its name.")
    Data<PeopleViews.UserView> delete(Caller caller, @Parameter(example = "1") @PathVariable String id) {
        caller.require(Scope.ADMIN);
        return data(entries.delete(caller.accountId(), KIND, PathIds.parse(id)));
    }

    @GetMapping
    @Operation(operationId = "listUsers", summary = "List them")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Items per page, 1 to 100",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Items to skip",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Text inside names (numbers: or digits inside the number)",
            example = "sup", schema = @Schema(type = "string"))
    ListPage<PeopleViews.UserView> list(Caller caller, @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        ListQuery query = ListQuery.parse(parameters);
        return ListPage.of(entries.list(caller.accountId(), KIND, query), PeopleViews.UserView::of, query);
    }

    @PostMapping(path = "/import", consumes = "application/json")
    @Operation(operationId = "importUsers", summary = "Import many", description = "A JSON array as create takes"
            + " them, or CSV; all or nothing: a bad row is a 422 naming it (rows[3].name), and nothing is stored.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = PeopleViews.UserRequest.class)),
                    examples = @ExampleObject(value = "[{\"name\": \"Ayşe Yılmaz\", \"email\": \"ayse@example.com\", \"role\": \"agent\"}]")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = "name,email,role,id\nAyşe Yılmaz,ayse@example.com,agent,11\n"))})
    Data<ListPage.Imported> importJson(Caller caller, @RequestBody Object rows) {
        caller.require(Scope.ADMIN);
        return imported(entries.importRows(caller.accountId(), KIND, ImportRows.fromJson(rows)));
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(operationId = "importUsersCsv", hidden = true) // the same operation as importJson, described there
    Data<ListPage.Imported> importCsv(Caller caller, @RequestBody(required = false) byte[] csv,
                                      @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        caller.require(Scope.ADMIN);
        return imported(entries.importRows(caller.accountId(), KIND,
                ImportRows.fromCsv(csv, contentType, EntryShape.of(KIND).csvColumns(), EntryShape::csvCell)));
    }

    private static Data<PeopleViews.UserView> data(Entry entry) {
        return Data.of(PeopleViews.UserView.of(entry));
    }

    private static Data<ListPage.Imported> imported(int count) {
        return Data.of(new ListPage.Imported(count));
    }
}
