package io.callrecords.media;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.shared.CallrecordsProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes audio older than its account's {@code media_retention_days}, counted from when it was
 * stored, and temporary files that uploads cut off by a crash left behind. Safe on several nodes at
 * once: each deletion claims its row with {@code SKIP LOCKED}, one row per transaction.
 */
@Component
class MediaRetention {

    private static final Logger log = LoggerFactory.getLogger(MediaRetention.class);

    private final MediaStore store;
    private final MediaAttachments attachments;
    private final AccountSettingsService settings;
    private final MediaSpool spool;
    private final Clock clock;
    private final Duration tmpMaxAge;

    MediaRetention(MediaStore store, MediaAttachments attachments, AccountSettingsService settings, MediaSpool spool,
                   Clock clock, CallrecordsProperties properties) {
        this.store = store;
        this.attachments = attachments;
        this.settings = settings;
        this.spool = spool;
        this.clock = clock;
        this.tmpMaxAge = properties.media().tmpMaxAge();
    }

    void run() {
        for (long account : store.accountsWithMedia()) {
            Integer days = settings.current(account).settings().mediaRetentionDays();
            if (days == null) {
                continue;
            }
            Instant cutoff = clock.instant().minus(Duration.ofDays(days));
            int deleted = 0;
            while (attachments.expireOne(account, cutoff)) {
                deleted++;
            }
            if (deleted > 0) {
                log.info("Retention: deleted {} recordings and voicemails of account {} stored before {}", deleted,
                        account, cutoff);
            }
        }
        sweepTemporaryFiles();
    }

    /** Files of uploads in progress are written to all the time; one untouched this long was abandoned. */
    void sweepTemporaryFiles() {
        Path tmp = spool.tmpDir();
        if (!Files.isDirectory(tmp)) {
            return;
        }
        Instant before = clock.instant().minus(tmpMaxAge);
        try (Stream<Path> files = Files.list(tmp)) {
            files.filter(f -> modifiedBefore(f, before)).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    log.warn("Could not delete the abandoned upload {}: {}", f, e.toString());
                }
            });
        } catch (IOException e) {
            log.warn("Could not sweep {}: {}", tmp, e.toString());
        }
    }

    private static boolean modifiedBefore(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException gone) {
            return false;
        }
    }
}
