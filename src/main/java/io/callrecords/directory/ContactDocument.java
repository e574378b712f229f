package io.callrecords.directory;

import io.callrecords.shared.NameFields;
import io.callrecords.shared.FieldErrors;
import java.util.Map;

/**
 * The JSON form of a contact: {@code {"id", "name", "email", "company_id", "phone_numbers", "created_at",
 * "updated_at"}}. Reads a new contact or a change (collecting every problem) and renders one.
 */
final class ContactDocument {

    private ContactDocument() {}

    /** A new contact; {@code prefix} is put before every field name in errors ({@code "rows[3]."}). */
    static ContactFields create(Map<?, ?> body, String prefix, String defaultRegion, FieldErrors errors) {
        return new ContactFields(
                NameFields.name(body.get("name"), prefix + "name", errors),
                NameFields.email(body.get("email"), prefix + "email", errors),
                DirectoryFields.companyId(body.get("company_id"), prefix + "company_id", errors),
                DirectoryFields.phoneNumbers(body.get("phone_numbers"), prefix + "phone_numbers", defaultRegion, errors));
    }

    /** {@code current} with the fields the patch has; {@code phone_numbers} replaces the whole list. */
    static ContactFields patch(Map<String, Object> patch, ContactFields current, String defaultRegion,
                               FieldErrors errors) {
        return new ContactFields(
                patch.containsKey("name")
                        ? NameFields.name(patch.get("name"), "name", errors) : current.name(),
                patch.containsKey("email")
                        ? NameFields.email(patch.get("email"), "email", errors) : current.email(),
                patch.containsKey("company_id")
                        ? DirectoryFields.companyId(patch.get("company_id"), "company_id", errors) : current.companyId(),
                patch.containsKey("phone_numbers")
                        ? DirectoryFields.phoneNumbers(patch.get("phone_numbers"), "phone_numbers", defaultRegion, errors)
                        : current.phoneNumbers());
    }

}
