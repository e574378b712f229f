package io.callrecords.directory;

import io.callrecords.shared.NameFields;
import io.callrecords.shared.FieldErrors;
import java.util.Map;

/**
 * The JSON form of a company: {@code {"id", "name", "phone_numbers", "created_at", "updated_at"}}. Reads a new
 * company or a change (collecting every problem) and renders one.
 */
final class CompanyDocument {

    private CompanyDocument() {}

    /** A new company; {@code prefix} is put before every field name in errors ({@code "rows[3]."}). */
    static CompanyFields create(Map<?, ?> body, String prefix, String defaultRegion, FieldErrors errors) {
        return new CompanyFields(
                NameFields.name(body.get("name"), prefix + "name", errors),
                DirectoryFields.phoneNumbers(body.get("phone_numbers"), prefix + "phone_numbers", defaultRegion, errors));
    }

    /** {@code current} with the fields the patch has; {@code phone_numbers} replaces the whole list. */
    static CompanyFields patch(Map<String, Object> patch, CompanyFields current, String defaultRegion,
                               FieldErrors errors) {
        return new CompanyFields(
                patch.containsKey("name")
                        ? NameFields.name(patch.get("name"), "name", errors) : current.name(),
                patch.containsKey("phone_numbers")
                        ? DirectoryFields.phoneNumbers(patch.get("phone_numbers"), "phone_numbers", defaultRegion, errors)
                        : current.phoneNumbers());
    }

}
