package io.callrecords.directory;

import io.callrecords.shared.ImportRows;
import io.callrecords.shared.ListQuery;
import io.callrecords.shared.ListPage;
import io.callrecords.shared.PathIds;
import io.callrecords.accounts.Caller;
import io.callrecords.shared.Data;
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
 * {@code /api/v3/contacts}: the account's contacts. Create, read, change (any subset), delete (answering the
 * deleted contact), list, and import many at once from a JSON array or CSV.
 */
@RestController
@RequestMapping("/api/v3/contacts")
@Tag(name = DirectoryViews.TAG, description = DirectoryViews.TAG_DESCRIPTION)
class ContactsController {

    private final ContactService contacts;

    ContactsController(ContactService contacts) {
        this.contacts = contacts;
    }

    /** {@code {"name", "email"?, "company_id"?, "phone_numbers"?: ["+905321234567", "0532 123 45 67"]}}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createContact", summary = "Create a contact")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DirectoryViews.ContactRequest.class), examples = @ExampleObject(value = "{\"name\": \"Ada Lovelace\", \"email\": \"ada@example.com\", \"phone_numbers\": [\"+905321234567\"]}")))
    Data<DirectoryViews.ContactView> create(Caller caller, @RequestBody Map<String, Object> body) {
        return data(contacts.create(caller.accountId(), body));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getContact", summary = "Get a contact")
    Data<DirectoryViews.ContactView> get(Caller caller, @Parameter(example = "31") @PathVariable String id) {
        return data(contacts.get(caller.accountId(), PathIds.parse(id)));
    }

    /** Any subset of the fields of {@link #create}; {@code phone_numbers} replaces the whole list. */
    @PatchMapping("/{id}")
    @Operation(operationId = "updateContact", summary = "Change a contact")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DirectoryViews.ContactRequest.class), examples = @ExampleObject(value = "{\"email\": null, \"phone_numbers\": [\"+905321234567\", \"+908502010000\"]}")))
    Data<DirectoryViews.ContactView> update(Caller caller, @Parameter(example = "31") @PathVariable String id,
                     @RequestBody Map<String, Object> patch) {
        return data(contacts.update(caller.accountId(), PathIds.parse(id), patch));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteContact", summary = "Delete a contact", description = "Answers it as it was.")
    Data<DirectoryViews.ContactView> delete(Caller caller, @Parameter(example = "31") @PathVariable String id) {
        return data(contacts.delete(caller.accountId(), PathIds.parse(id)));
    }

    /** {@code limit} (1..100, default 10), {@code offset}, {@code q} (inside names, or digits inside numbers). */
    @GetMapping
    @Operation(operationId = "listContacts", summary = "List contacts")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Items per page, 1 to 100",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Items to skip",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Text inside names, or digits inside numbers",
            example = "5321", schema = @Schema(type = "string"))
    ListPage<DirectoryViews.ContactView> list(Caller caller,
                                      @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        ListQuery query = ListQuery.parse(parameters);
        return ListPage.of(contacts.list(caller.accountId(), query), DirectoryViews.ContactView::of, query);
    }

    /** A JSON array of contacts as {@link #create} takes them; all or nothing. */
    @PostMapping(path = "/import", consumes = "application/json")
    @Operation(operationId = "importContacts", summary = "Import contacts", description = "A JSON array of contacts as create"
            + " takes them, or CSV; all or nothing: a bad row is a 422 naming it (rows[3].name), and nothing is stored.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = DirectoryViews.ContactRequest.class)),
                    examples = @ExampleObject(value = "[{\"name\": \"Ada Lovelace\", \"phone_numbers\": [\"+905321234567\"]}]")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = "name,phone_numbers,email,company_id\nAda Lovelace,+905321234567;+908502010000,ada@example.com,7\n"))})
    Data<ListPage.Imported> importJson(Caller caller, @RequestBody Object rows) {
        return new Data<>(new ListPage.Imported(contacts.importRows(caller.accountId(), ImportRows.fromJson(rows))));
    }

    /** CSV with the header {@code name,phone_numbers,email,company_id}, numbers separated by {@code ;}. */
    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(operationId = "importContactsCsv", hidden = true) // the same operation as importJson, described there
    Data<ListPage.Imported> importCsv(Caller caller, @RequestBody(required = false) byte[] csv,
                                  @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        return new Data<>(new ListPage.Imported(contacts.importRows(caller.accountId(),
                ImportRows.fromCsv(csv, contentType, ContactService.CSV_COLUMNS,
                        DirectoryFields::csvCell))));
    }

    private static Data<DirectoryViews.ContactView> data(Contact contact) {
        return Data.of(DirectoryViews.ContactView.of(contact));
    }
}
