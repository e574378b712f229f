package io.callrecords.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.regex.Pattern;

/**
 * Normalises the numbers of call-flow events (call-records.md §2): E.164 numbers are kept, national numbers become
 * E.164 with the account's default region, numbers of 1 to 6 digits are extensions kept as sent, and anything else
 * is malformed. Bad input is an answer ({@link Malformed}), not an exception, so that intake can name every bad
 * field of a request at once.
 */
public final class PhoneNumbers {

    /** The longest extension (§2: "short numbers of up to 6 digits"). */
    public static final int MAX_EXTENSION_DIGITS = 6;

    private static final Pattern EXTENSION = Pattern.compile("\\d{1," + MAX_EXTENSION_DIGITS + "}");
    /**
     * Digits with the usual visual separators, optionally after one leading {@code +}. libphonenumber alone would
     * also read letters (vanity numbers), "ext." suffixes and numbers buried in text; a call record must not.
     */
    private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9 ().\\-/]+");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** What a number turned out to be. */
    public sealed interface Result {}

    /** A valid number in E.164 form ({@code +905321234567}). */
    public record E164(String number) implements Result {}

    /** A short internal number, kept exactly as sent ({@code 101}). */
    public record Extension(String number) implements Result {}

    /** Neither: {@code reason} says why, in words fit for a 422 message about the field. */
    public record Malformed(String input, String reason) implements Result {}

    /**
     * @param defaultRegion ISO 3166 country code used to read national numbers ({@code TR}); null when the
     *                      account has none, in which case only E.164 numbers and extensions are accepted
     */
    public static Result normalise(String input, String defaultRegion) {
        if (input == null || input.isBlank()) {
            return new Malformed(input, "is empty");
        }
        String trimmed = input.strip();
        if (EXTENSION.matcher(trimmed).matches()) {
            return new Extension(trimmed);
        }
        if (!DIALABLE.matcher(trimmed).matches()) {
            return new Malformed(input, "is not a phone number: only digits, an optional leading + and the separators"
                    + " space ( ) . - / are allowed");
        }
        boolean international = trimmed.startsWith("+");
        if (!international && defaultRegion == null) {
            return new Malformed(input, "is neither E.164 (+905321234567) nor an extension of up to "
                    + MAX_EXTENSION_DIGITS + " digits, and the account has no default_region"
                    + " to read a national number");
        }
        try {
            // "ZZ" = unknown region: libphonenumber then accepts only numbers with a leading + and country code.
            PhoneNumber parsed = UTIL.parse(trimmed, international ? "ZZ" : defaultRegion);
            if (!UTIL.isValidNumber(parsed)) {
                return new Malformed(input, international
                        ? "is not a valid E.164 number"
                        : "is not a valid number of region " + defaultRegion + " nor an E.164 number");
            }
            return new E164(UTIL.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return new Malformed(input, international ? "is not a valid E.164 number" : "is not a phone number");
        }
    }
}
