package io.callrecords.sources.freeswitch;

import io.callrecords.media.MediaFetches;
import io.callrecords.media.MediaKind;
import io.callrecords.people.EntryKind;
import io.callrecords.people.SourceExtensions;
import io.callrecords.sources.CallUuids;
import io.callrecords.sources.IncomingDocument;
import io.callrecords.sources.SourceIntake;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.SourceProfiles;
import io.callrecords.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A FreeSWITCH CDR on its way in: decoded, keyed by its leg and its call, handed to the sources core, and — once per
 * new leg, never in the translation — its extensions listed in the directory and its recording fetched.
 */
@Service
public class FreeswitchIntake {

    private static final Logger log = LoggerFactory.getLogger(FreeswitchIntake.class);
    private static final Pattern EXTENSION = Pattern.compile("\\d{1,6}");
    /** Times after the year 2200 are no CDR's; PostgreSQL could not even store some of them. */
    private static final long LATEST_MICROS = 7_258_118_400_000_000L;

    private final SourceIntake intake;
    private final SourceProfiles profiles;
    private final SourceExtensions extensions;
    private final MediaFetches media;
    private final io.callrecords.people.DirectoryRefs refs;

    FreeswitchIntake(SourceIntake intake, SourceProfiles profiles, SourceExtensions extensions, MediaFetches media,
                     io.callrecords.people.DirectoryRefs refs) {
        this.intake = intake;
        this.profiles = profiles;
        this.extensions = extensions;
        this.media = media;
        this.refs = refs;
    }

    /**
     * @throws CdrBody.Unreadable when the body is not a CDR in any form FreeSWITCH sends (the caller answers 400)
     */
    public SourceIntake.Receipt accept(long accountId, String contentType, byte[] body) {
        CdrBody.Decoded decoded = CdrBody.decode(contentType, body);
        Leg leg;
        try {
            leg = Leg.read(decoded.document());
        } catch (RuntimeException e) {
            throw new CdrBody.Unreadable("The body looks like " + (decoded.contentType().endsWith("json") ? "JSON" : "XML")
                    + " but is not a CDR that can be read (" + e.getMessage() + "); tried " + CdrBody.ENCODINGS_TRIED + ".");
        }
        // A CDR without a usable uuid is kept all the same, under its content: the source's page shows it made no call.
        boolean keyed = usableKey(leg.uuid());
        String docKey = keyed ? LegKeys.docKey(leg) : "sha256:" + sha256(decoded.document());
        String callKey = keyed && usableKey(LegKeys.callKey(leg)) ? LegKeys.callKey(leg) : null;
        long end = leg.micros("end_uepoch");
        Instant occurred = end > 0 && end < LATEST_MICROS
                ? Instant.ofEpochSecond(end / 1_000_000L, (end % 1_000_000L) * 1_000L) : null;
        SourceIntake.Receipt receipt = intake.accept(accountId, SourceKind.FREESWITCH,
                List.of(new IncomingDocument(docKey, callKey, decoded.contentType(), decoded.document(), occurred)));
        if (!receipt.stored().isEmpty() && callKey != null) {
            onNewLeg(accountId, leg, callKey);
        }
        return receipt;
    }

    /** Once per new leg: its extension listed, its recording fetched. A failure here loses nothing stored. */
    private void onNewLeg(long accountId, Leg leg, String callKey) {
        FreeswitchProfile profile = profiles.read(accountId, SourceKind.FREESWITCH, FreeswitchProfile.class,
                FreeswitchProfile.defaults());
        String domain = leg.var("domain_name") != null ? leg.var("domain_name")
                : leg.switchName() != null ? leg.switchName() : "freeswitch";
        for (String extension : extensionsOf(leg)) {
            try {
                String ref = extension + "@" + domain;
                long user = refs.resolve(accountId, EntryKind.USER, SourceKind.FREESWITCH.wire(), ref,
                        "Extension " + extension);
                extensions.listOnce(accountId, SourceKind.FREESWITCH.wire(), ref, extension, user);
            } catch (RuntimeException e) {
                log.warn("Listing extension {} of account {} failed", extension, accountId, e);
            }
        }
        String url = recordingUrl(leg, profile);
        if (url != null) {
            try {
                media.fetch(accountId, CallUuids.of(SourceKind.FREESWITCH, callKey), MediaKind.RECORDING, url);
            } catch (ValidationException e) {
                log.warn("The recording {} of leg {} cannot be fetched: {}", url, leg.uuid(), e.getMessage());
            }
        }
    }

    /** The extensions a leg shows: the caller's, the one dialled and those it rang, when they are extensions. */
    static List<String> extensionsOf(Leg leg) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        boolean fromTrunk = "inbound".equals(leg.var("call_direction"));
        for (String n : new String[] {fromTrunk ? null : leg.callerNumber(), leg.var("dialed_user"),
                "agent".equals(leg.var("cc_side")) ? leg.destination() : null,
                "outbound".equals(leg.var("call_direction")) ? leg.var("sip_from_user") : null,
                "local".equals(leg.var("call_direction")) ? leg.destination() : null}) {
            if (n != null && EXTENSION.matcher(n).matches()) {
                found.put(n, true);
            }
        }
        for (String[] rung : CallTranslation.arrayEntries(leg.var("originated_legs"))) {
            if (rung.length >= 3 && EXTENSION.matcher(rung[2]).matches()) {
                found.put(rung[2], true);
            }
        }
        return List.copyOf(found.keySet());
    }

    /** The recording's URL from the profile's template, or null when the leg names none or the profile has none. */
    static String recordingUrl(Leg leg, FreeswitchProfile profile) {
        String name = leg.var("record_name");
        String path = leg.var("record_path");
        if (profile.recordingsUrl() == null || (name == null && path == null)) {
            return null;
        }
        if (name == null) {
            int slash = path.lastIndexOf('/');
            name = path.substring(slash + 1);
            path = slash > 0 ? path.substring(0, slash) : "";
        }
        return profile.recordingsUrl()
                .replace("{record_path}", path == null ? "" : path.replaceAll("^/+", ""))
                .replace("{record_name}", name)
                .replace("{domain_name}", leg.var("domain_name") == null ? "" : leg.var("domain_name"))
                .replace("{uuid}", leg.uuid() == null ? "" : leg.uuid());
    }

    /** FreeSWITCH's uuids are 36 characters; anything long or with control characters is no leg's key. */
    private static boolean usableKey(String key) {
        return key != null && key.length() <= 128 && key.chars().noneMatch(Character::isISOControl);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
