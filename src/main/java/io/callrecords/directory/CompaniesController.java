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
 * {@code /api/v3/companies}: the account's companies. Create, read, change (any subset), delete (answering the
 * deleted company; its contacts stay, without a company), list, and import many at once from a JSON array or CSV.
 */
@RestController
@RequestMapping("/api/v3/companies")
@Tag(name = DirectoryViews.TAG, description = DirectoryViews.TAG_DESCRIPTION)
class CompaniesController {

    private final CompanyService companies;

    CompaniesController(CompanyService companies) {
        this.companies = companies;
    }

    /** {@code {"name", "phone_numbers"?: ["+902125551212"]}}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCompany", summary = "Create a company")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DirectoryViews.CompanyRequest.class), examples = @ExampleObject(value = "{\"name\": \"ACME\", \"phone_numbers\": [\"+902125551212\"]}")))
    Data<DirectoryViews.CompanyView> create(Caller caller, @RequestBody Map<String, Object> body) {
        return data(companies.create(caller.accountId(), body));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCompany", summary = "Get a company")
    Data<DirectoryViews.CompanyView> get(Caller caller, @Parameter(example = "31") @PathVariable String id) {
        return data(companies.get(caller.accountId(), PathIds.parse(id)));
    }

    /** Any subset of the fields of {@link #create}; {@code phone_numbers} replaces the whole list. */
    @PatchMapping("/{id}")
    @Operation(operationId = "updateCompany", summary = "Change a company")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DirectoryViews.CompanyRequest.class), examples = @ExampleObject(value = "{\"name\": \"ACME Ltd\"}")))
    Data<DirectoryViews.CompanyView> update(Caller caller, @Parameter(example = "31") @PathVariable String id,
                     @RequestBody Map<String, Object> patch) {
        return data(companies.update(caller.accountId(), PathIds.parse(id), patch));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteCompany", summary = "Delete a company", description = "Answers it as it was.")
    Data<DirectoryViews.CompanyView> delete(Caller caller, @Parameter(example = "31") @PathVariable String id) {
        return data(companies.delete(caller.accountId(), PathIds.parse(id)));
    }

    /** {@code limit} (1..100, default 10), {@code offset}, {@code q} (inside names, or digits inside numbers). */
    @GetMapping
    @Operation(operationId = "listCompanies", summary = "List companies")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Items per page, 1 to 100",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Items to skip",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Text inside names, or digits inside numbers",
            example = "5321", schema = @Schema(type = "string"))
    ListPage<DirectoryViews.CompanyView> list(Caller caller,
                                      @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        ListQuery query = ListQuery.parse(parameters);
        return ListPage.of(companies.list(caller.accountId(), query), DirectoryViews.CompanyView::of, query);
    }

    /** A JSON array of companies as {@link #create} takes them; all or nothing. */
    @PostMapping(path = "/import", consumes = "application/json")
    @Operation(operationId = "importCompanies", summary = "Import companies", description = "A JSON array of companies as create"
            + " takes them, or CSV; all or nothing: a bad row is a 422 naming it (rows[3].name), and nothing is stored.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = DirectoryViews.CompanyRequest.class)),
                    examples = @ExampleObject(value = "[{\"name\": \"ACME\", \"phone_numbers\": [\"+902125551212\"]}]")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = "name,phone_numbers\nACME,+902125551212;+902125551213\n"))})
    Data<ListPage.Imported> importJson(Caller caller, @RequestBody Object rows) {
        return new Data<>(new ListPage.Imported(companies.importRows(caller.accountId(), ImportRows.fromJson(rows))));
    }

    /** CSV with the header {@code name,phone_numbers}, numbers separated by {@code ;}. */
    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(operationId = "importCompaniesCsv", hidden = true) // the same operation as importJson, described there
    Data<ListPage.Imported> importCsv(Caller caller, @RequestBody(required = false) byte[] csv,
                                  @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        return new Data<>(new ListPage.Imported(companies.importRows(caller.accountId(),
                ImportRows.fromCsv(csv, contentType, CompanyService.CSV_COLUMNS,
                        DirectoryFields::csvCell))));
    }

    private static Data<DirectoryViews.CompanyView> data(Company company) {
        return Data.of(DirectoryViews.CompanyView.of(company));
    }
}
