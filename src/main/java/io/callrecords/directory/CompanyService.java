package io.callrecords.directory;

import io.callrecords.shared.ImportRows;
import io.callrecords.shared.Page;
import io.callrecords.shared.ListQuery;
import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.FieldErrors;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the account's companies. Every change is validated whole first (a 422 names every problem) and
 * applied in one transaction; numbers are normalised with the account's {@code default_region}.
 */
@Service
class CompanyService {

    static final List<String> CSV_COLUMNS = List.of("name", "phone_numbers");

    private final Companies companies;
    private final Contacts contacts;
    private final AccountSettingsService settings;

    CompanyService(Companies companies, Contacts contacts, AccountSettingsService settings) {
        this.companies = companies;
        this.contacts = contacts;
        this.settings = settings;
    }

    @Transactional
    Company create(long accountId, Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        CompanyFields fields = CompanyDocument.create(body, "", region(accountId), errors);
        errors.throwIfAny();
        long id = companies.insert(accountId, List.of(fields)).getFirst();
        return companies.find(accountId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    Company get(long accountId, long id) {
        return companies.find(accountId, id).orElseThrow(ApiException::notFound);
    }

    @Transactional(readOnly = true)
    Page<Company> list(long accountId, ListQuery query) {
        return companies.list(accountId, query);
    }

    /** Any subset of the fields; a patch that changes nothing leaves the company (and its updated_at) as it was. */
    @Transactional
    Company update(long accountId, long id, Map<String, Object> patch) {
        Company current = companies.lock(accountId, id).orElseThrow(ApiException::notFound);
        FieldErrors errors = new FieldErrors();
        CompanyFields fields = CompanyDocument.patch(patch, current.fields(), region(accountId), errors);
        errors.throwIfAny();
        if (fields.equals(current.fields())) {
            return current;
        }
        companies.update(accountId, id, fields);
        return companies.find(accountId, id).orElseThrow();
    }

    /** Deletes the company and answers it as it was; its contacts stay, with company_id null. */
    @Transactional
    Company delete(long accountId, long id) {
        Company company = companies.lock(accountId, id).orElseThrow(ApiException::notFound);
        contacts.leaveCompany(accountId, id);
        companies.delete(accountId, id);
        return company;
    }

    /** All or nothing: every row valid, or a 422 naming each bad row's fields. */
    @Transactional
    int importRows(long accountId, List<Object> rows) {
        FieldErrors errors = new FieldErrors();
        String region = region(accountId);
        List<CompanyFields> read = ImportRows.read(rows,
                (row, prefix) -> CompanyDocument.create(row, prefix, region, errors), errors);
        errors.throwIfAny();
        return companies.insert(accountId, read).size();
    }

    private String region(long accountId) {
        return settings.current(accountId).settings().defaultRegion();
    }
}
