package io.callrecords.sources.asterisk;

import io.callrecords.shared.ValidationException;
import io.callrecords.sources.SourceProfiles;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An account's Asterisk profile (sources.md §5): what the dialplan means, which a CEL row does not say. Every field left
 * out takes FreePBX's default, so a stock FreePBX needs no profile at all.
 *
 * @param trunkChannels       channel name patterns of the outside world ({@code PJSIP/trunk-*}); besides these, an
 *                            endpoint whose name is not an extension of 1–6 digits is outside too
 * @param inboundContexts     contexts a call from the outside world starts in (FreePBX: from-trunk, from-pstn ...)
 * @param internalContexts    contexts of the phones (FreePBX: from-internal)
 * @param closedHoursContexts contexts the dialplan enters when the account is closed: the call is routed to a greeting
 *                            of that name (call-records.md §3.7 decides the reason from business hours)
 * @param ivrContexts         contexts of IVR menus ({@code ivr-*}): the call is routed to a greeting
 * @param ringGroupContexts   contexts of ring groups ({@code ext-group}): the call is routed to a team of that number
 * @param timeZone            the zone of CEL times written without an offset (cel.conf dateformat); UTC by default
 * @param defaultRegion       how national caller numbers are read (ISO country, e.g. TR); null: E.164 only
 */
public record AsteriskProfile(List<String> trunkChannels, List<String> inboundContexts, List<String> internalContexts,
                              List<String> closedHoursContexts, List<String> ivrContexts,
                              List<String> ringGroupContexts, String timeZone, String defaultRegion,
                              Integer rawDocumentRetentionDays) {

    static final AsteriskProfile FREEPBX = new AsteriskProfile(null, null, null, null, null, null, null, null, null);

    public AsteriskProfile {
        trunkChannels = trunkChannels == null ? List.of() : List.copyOf(trunkChannels);
        inboundContexts = inboundContexts == null ? List.of("from-trunk", "from-pstn", "from-did-direct")
                : List.copyOf(inboundContexts);
        internalContexts = internalContexts == null ? List.of("from-internal") : List.copyOf(internalContexts);
        closedHoursContexts = closedHoursContexts == null ? List.of() : List.copyOf(closedHoursContexts);
        ivrContexts = ivrContexts == null ? List.of("ivr-*") : List.copyOf(ivrContexts);
        ringGroupContexts = ringGroupContexts == null ? List.of("ext-group") : List.copyOf(ringGroupContexts);
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        rawDocumentRetentionDays = rawDocumentRetentionDays == null
                ? SourceProfiles.DEFAULT_RETENTION_DAYS : rawDocumentRetentionDays;
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The errors of a profile an administrator sent, by field; empty when it can be used. */
    Map<String, List<String>> problems() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            errors.put("time_zone", List.of("is not a time zone (an IANA name such as Europe/Istanbul)"));
        }
        if (rawDocumentRetentionDays < 1 || rawDocumentRetentionDays > 3650) {
            errors.put("raw_document_retention_days", List.of("must be between 1 and 3650"));
        }
        if (defaultRegion != null && !defaultRegion.matches("[A-Z]{2}")) {
            errors.put("default_region", List.of("must be an ISO 3166 country code such as TR"));
        }
        checkPatterns("trunk_channels", trunkChannels, errors);
        checkPatterns("inbound_contexts", inboundContexts, errors);
        checkPatterns("internal_contexts", internalContexts, errors);
        checkPatterns("closed_hours_contexts", closedHoursContexts, errors);
        checkPatterns("ivr_contexts", ivrContexts, errors);
        checkPatterns("ring_group_contexts", ringGroupContexts, errors);
        return errors;
    }

    void validate() {
        Map<String, List<String>> errors = problems();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void checkPatterns(String field, List<String> patterns, Map<String, List<String>> errors) {
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            if (p == null || p.isBlank() || p.length() > 200) {
                errors.put(field + "[" + i + "]", List.of("must be a name or a pattern with * of 1 to 200 characters"));
            }
        }
    }

    /** Whether a name matches one of the patterns, where {@code *} stands for any characters. */
    static boolean matches(List<String> patterns, String name) {
        if (name == null) {
            return false;
        }
        for (String p : patterns) {
            if (glob(p).matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String pattern) {
        return GLOBS.computeIfAbsent(pattern, AsteriskProfile::compile);
    }

    /** Patterns are few and read for every channel of every call: compiled once. */
    private static final java.util.concurrent.ConcurrentMap<String, Pattern> GLOBS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
