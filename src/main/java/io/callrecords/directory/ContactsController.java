package io.callrecords.directory;

import io.callrecords.shared.PathIds;
import io.callrecords.accounts.Caller;
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
class ContactsController {

    private final ContactService contacts;

    ContactsController(ContactService contacts) {
        this.contacts = contacts;
    }

    /** {@code {"name", "email"?, "company_id"?, "phone_numbers"?: ["+905321234567", "0532 123 45 67"]}}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @RequestBody Map<String, Object> body) {
        return data(contacts.create(caller.accountId(), body));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return data(contacts.get(caller.accountId(), PathIds.parse(id)));
    }

    /** Any subset of the fields of {@link #create}; {@code phone_numbers} replaces the whole list. */
    @PatchMapping("/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody Map<String, Object> patch) {
        return data(contacts.update(caller.accountId(), PathIds.parse(id), patch));
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(Caller caller, @PathVariable String id) {
        return data(contacts.delete(caller.accountId(), PathIds.parse(id)));
    }

    /** {@code limit} (1..100, default 10), {@code offset}, {@code q} (inside names, or digits inside numbers). */
    @GetMapping
    Map<String, Object> list(Caller caller, @RequestParam Map<String, String> parameters) {
        ListQuery query = ListQuery.parse(parameters);
        return contacts.list(caller.accountId(), query).body(ContactDocument::render, query);
    }

    /** A JSON array of contacts as {@link #create} takes them; all or nothing. */
    @PostMapping(path = "/import", consumes = "application/json")
    Map<String, Object> importJson(Caller caller, @RequestBody Object rows) {
        return ImportRows.answer(contacts.importRows(caller.accountId(), ImportRows.fromJson(rows)));
    }

    /** CSV with the header {@code name,phone_numbers,email,company_id}, numbers separated by {@code ;}. */
    @PostMapping(path = "/import", consumes = "text/csv")
    Map<String, Object> importCsv(Caller caller, @RequestBody(required = false) byte[] csv,
                                  @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        return ImportRows.answer(contacts.importRows(caller.accountId(),
                ImportRows.fromCsv(csv, contentType, ContactService.CSV_COLUMNS)));
    }

    private static Map<String, Object> data(Contact contact) {
        return Map.of("data", ContactDocument.render(contact));
    }
}
