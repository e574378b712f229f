package io.callrecords.directory;

import io.callrecords.shared.Page;
import io.callrecords.shared.ListQuery;
import io.callrecords.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answers and request bodies of the address book endpoints, as they go over the wire. */
final class DirectoryViews {

    static final String TAG = "Directory";
    static final String TAG_DESCRIPTION = "The address book: contacts and companies with their phone numbers";

    private DirectoryViews() {}

    @Schema(name = "Contact")
    record ContactView(
            @Schema(example = "31") long id,
            @Schema(example = "Ada Lovelace") String name,
            @Schema(example = "ada@example.com", nullable = true) String email,
            @Schema(example = "7", nullable = true) Long companyId,
            @ArraySchema(arraySchema = @Schema(example = "[\"+905321234567\"]", description = "E.164")) List<String> phoneNumbers,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) {

        static ContactView of(Contact contact) {
            return new ContactView(contact.id(), contact.name(), contact.email(), contact.companyId(),
                    contact.phoneNumbers(), Timestamps.wire(contact.createdAt()), Timestamps.wire(contact.updatedAt()));
        }
    }

    @Schema(name = "Company")
    record CompanyView(
            @Schema(example = "7") long id,
            @Schema(example = "ACME") String name,
            @ArraySchema(arraySchema = @Schema(example = "[\"+902125551212\"]", description = "E.164")) List<String> phoneNumbers,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) {

        static CompanyView of(Company company) {
            return new CompanyView(company.id(), company.name(), company.phoneNumbers(),
                    Timestamps.wire(company.createdAt()), Timestamps.wire(company.updatedAt()));
        }
    }

    /**
     * The fields of a new contact, or of a change (any subset). Documents the body only: the controller reads it as a
     * map, so that every bad field is named in one 422 and a change can tell a missing field from a null one.
     */
    @Schema(name = "ContactRequest")
    record ContactRequest(
            @Schema(example = "Ada Lovelace", description = "Required on create") String name,
            @Schema(example = "ada@example.com", nullable = true) String email,
            @Schema(example = "7", nullable = true) Long companyId,
            @ArraySchema(arraySchema = @Schema(example = "[\"+905321234567\", \"0532 123 45 67\"]", description = "E.164,"
                    + " or national in the account's default_region; a change replaces the whole list"))
            List<String> phoneNumbers) {}

    /** The fields of a new company, or of a change (any subset); documents the body only, as {@link ContactRequest}. */
    @Schema(name = "CompanyRequest")
    record CompanyRequest(
            @Schema(example = "ACME", description = "Required on create") String name,
            @ArraySchema(arraySchema = @Schema(example = "[\"+902125551212\"]")) List<String> phoneNumbers) {}
}
