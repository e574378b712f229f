package io.callrecords.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.shared.PhoneNumbers.E164;
import io.callrecords.shared.PhoneNumbers.Extension;
import io.callrecords.shared.PhoneNumbers.Malformed;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Number normalisation of call-records.md §2. */
class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in region {1} → {2}")
    @MethodSource("valid")
    void normalises(String input, String region, PhoneNumbers.Result expected) {
        assertThat(PhoneNumbers.normalise(input, region)).isEqualTo(expected);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("+905321234567", "TR", new E164("+905321234567")),
                Arguments.of("+905321234567", null, new E164("+905321234567")),
                Arguments.of("+905321234567", "US", new E164("+905321234567")),
                Arguments.of("+90 532 123 45 67", null, new E164("+905321234567")),
                Arguments.of("05321234567", "TR", new E164("+905321234567")),
                Arguments.of("0532 123 45 67", "TR", new E164("+905321234567")),
                Arguments.of("00905321234567", "TR", new E164("+905321234567")),
                Arguments.of("(201) 555-0123", "US", new E164("+12015550123")),
                Arguments.of("201.555.0123", "US", new E164("+12015550123")),
                Arguments.of("011 90 532 123 4567", "US", new E164("+905321234567")),
                Arguments.of("+1 201 555 0123", "TR", new E164("+12015550123")),
                Arguments.of("101", null, new Extension("101")),
                Arguments.of("7", "TR", new Extension("7")),
                Arguments.of("0101", "US", new Extension("0101")),
                Arguments.of("123456", "TR", new Extension("123456")),
                Arguments.of(" 101 ", "TR", new Extension("101")));
    }

    @ParameterizedTest(name = "{0} in region {1} is malformed: {2}")
    @MethodSource("malformed")
    void rejects(String input, String region, String reasonMentions) {
        assertThat(PhoneNumbers.normalise(input, region))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.reason()).contains(reasonMentions));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(null, "TR", "empty"),
                Arguments.of("", "TR", "empty"),
                Arguments.of("   ", "TR", "empty"),
                Arguments.of("1234567", "TR", "not a valid number of region TR"),
                Arguments.of("05321234567", null, "no default_region"),
                Arguments.of("1234567", null, "no default_region"),
                Arguments.of("+90", "TR", "not a valid E.164 number"),
                Arguments.of("+9053212345678901", "TR", "not a valid E.164 number"),
                Arguments.of("+999123456789", null, "not a valid E.164 number"),
                Arguments.of("+1 201 555 0123 ext. 5", "US", "only digits"),
                Arguments.of("tel:+905321234567", "TR", "only digits"),
                Arguments.of("1-800-FLOWERS", "US", "only digits"),
                Arguments.of("abc", "TR", "only digits"),
                Arguments.of("++905321234567", "TR", "only digits"),
                Arguments.of("90+5321234567", "TR", "only digits"),
                Arguments.of("12-34", "TR", "not a valid number of region TR"));
    }
}
