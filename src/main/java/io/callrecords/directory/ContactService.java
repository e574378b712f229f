package io.callrecords.directory;

import io.callrecords.shared.ImportRows;
import io.callrecords.shared.Page;
import io.callrecords.shared.ListQuery;
import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.FieldErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the account's contacts. Every change is validated whole first (a 422 names every problem) and
 * applied in one transaction; numbers are normalised with the account's {@code default_region}.
 */
@Service
class ContactService {

    static final List<String> CSV_COLUMNS = List.of("name", "phone_numbers", "email", "company_id");

    private final Contacts contacts;
    private final Companies companies;
    private final AccountSettingsService settings;

    ContactService(Contacts contacts, Companies companies, AccountSettingsService settings) {
        this.contacts = contacts;
        this.companies = companies;
        this.settings = settings;
    }

    @Transactional
    Contact create(long accountId, Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        ContactFields fields = ContactDocument.create(body, "", region(accountId), errors);
        requireCompany(accountId, fields.companyId(), errors);
        errors.throwIfAny();
        long id = contacts.insert(accountId, List.of(fields)).getFirst();
        return contacts.find(accountId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    Contact get(long accountId, long id) {
        return contacts.find(accountId, id).orElseThrow(ApiException::notFound);
    }

    @Transactional(readOnly = true)
    Page<Contact> list(long accountId, ListQuery query) {
        return contacts.list(accountId, query);
    }

    /** Any subset of the fields; a patch that changes nothing leaves the contact (and its updated_at) as it was. */
    @Transactional
    Contact update(long accountId, long id, Map<String, Object> patch) {
        Contact current = contacts.lock(accountId, id).orElseThrow(ApiException::notFound);
        FieldErrors errors = new FieldErrors();
        ContactFields fields = ContactDocument.patch(patch, current.fields(), region(accountId), errors);
        if (!Objects.equals(fields.companyId(), current.companyId())) {
            requireCompany(accountId, fields.companyId(), errors);
        }
        errors.throwIfAny();
        if (fields.equals(current.fields())) {
            return current;
        }
        contacts.update(accountId, id, fields);
        return contacts.find(accountId, id).orElseThrow();
    }

    /** Deletes the contact and answers it as it was. */
    @Transactional
    Contact delete(long accountId, long id) {
        Contact contact = contacts.lock(accountId, id).orElseThrow(ApiException::notFound);
        contacts.delete(accountId, id);
        return contact;
    }

    /** All or nothing: every row valid (its company one of the account's), or a 422 naming each bad row's fields. */
    @Transactional
    int importRows(long accountId, List<Object> rows) {
        FieldErrors errors = new FieldErrors();
        String region = region(accountId);
        List<ContactFields> read = ImportRows.read(rows,
                (row, prefix) -> ContactDocument.create(row, prefix, region, errors), errors);
        Map<String, Long> companyIds = new LinkedHashMap<>();
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i) != null && read.get(i).companyId() != null) {
                companyIds.put("rows[" + i + "].company_id", read.get(i).companyId());
            }
        }
        requireCompanies(accountId, companyIds, errors);
        errors.throwIfAny();
        return contacts.insert(accountId, read).size();
    }

    private void requireCompany(long accountId, Long companyId, FieldErrors errors) {
        if (companyId != null) {
            requireCompanies(accountId, Map.of("company_id", companyId), errors);
        }
    }

    /** Each named company must be one of the account's; another account's company is as unknown as a missing one. */
    private void requireCompanies(long accountId, Map<String, Long> companyIdByField, FieldErrors errors) {
        List<Long> ids = companyIdByField.values().stream().distinct().toList();
        Set<Long> existing = companies.holdExisting(accountId, ids);
        companyIdByField.forEach((field, id) -> {
            if (!existing.contains(id)) {
                errors.add(field, "company " + id + " does not exist");
            }
        });
    }

    private String region(long accountId) {
        return settings.current(accountId).settings().defaultRegion();
    }
}
