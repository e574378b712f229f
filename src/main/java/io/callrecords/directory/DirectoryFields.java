package io.callrecords.directory;

import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.ImportRows;
import io.callrecords.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the address-book fields, shared by contacts and companies, single requests and imports. Each reader
 * takes the raw JSON value and the name to report problems under ({@code name}, {@code rows[3].name}).
 */
final class DirectoryFields {

    static final int MAX_PHONE_NUMBERS = 50;

    private DirectoryFields() {}

    /** Optional: the id of a company (whether the account has it is the caller's check). */
    static Long companyId(Object value, String field, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() > 0) {
            return ((Number) value).longValue();
        }
        errors.add(field, "must be the id of a company (a whole number) or null");
        return null;
    }

    /**
     * Optional (null means none): an array of numbers, each E.164 or a national number of the account's
     * {@code defaultRegion}, stored as E.164. Extensions are internal numbers and never in the address book.
     * Numbers that turn out equal are kept once, in the order first given.
     */
    static List<String> phoneNumbers(Object value, String field, String defaultRegion, FieldErrors errors) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            errors.add(field, "must be an array of phone numbers");
            return List.of();
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (Object item : list) {
            if (!(item instanceof String raw)) {
                errors.add(field, item + " is not a string: phone numbers are strings (\"+905321234567\")");
                continue;
            }
            switch (PhoneNumbers.normalise(raw, defaultRegion)) {
                case PhoneNumbers.E164 e164 -> numbers.add(e164.number());
                case PhoneNumbers.Extension extension -> errors.add(field, "'" + extension.number()
                        + "' is an extension: address-book numbers are E.164 (+905321234567) or national numbers"
                        + " of the account's default_region");
                case PhoneNumbers.Malformed malformed -> errors.add(field, "'" + raw + "' " + malformed.reason());
            }
        }
        if (numbers.size() > MAX_PHONE_NUMBERS) {
            errors.add(field, "has " + numbers.size() + " numbers; at most " + MAX_PHONE_NUMBERS + " are allowed");
        }
        return new ArrayList<>(numbers);
    }

    /** The JSON value of a CSV cell of the address book: {@code phone_numbers} split at {@code ;}, ids as numbers. */
    static Object csvCell(String column, String cell) {
        return switch (column) {
            case "phone_numbers" -> ImportRows.list(cell);
            case "company_id" -> ImportRows.id(cell);
            default -> cell;
        };
    }
}
