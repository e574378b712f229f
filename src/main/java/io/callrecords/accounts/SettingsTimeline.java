package io.callrecords.accounts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Every version of an account's settings, to pick the one in force at any time without a query
 * per call: the newest version written whose effective time has come, so that a later change
 * overrides an earlier one from its effective time on; for a time before every version, the one
 * that takes effect first.
 */
public record SettingsTimeline(List<SettingsVersion> versions) {

    public SettingsTimeline {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("an account always has a first settings version");
        }
        versions = versions.stream().sorted(Comparator.comparingInt(SettingsVersion::version).reversed()).toList();
    }

    /** The number of the newest version written. */
    public int newestVersion() {
        return versions.getFirst().version();
    }

    public SettingsVersion inForceAt(Instant at) {
        for (SettingsVersion version : versions) {
            if (!version.effectiveFrom().isAfter(at)) {
                return version;
            }
        }
        return versions.stream()
                .min(Comparator.comparing(SettingsVersion::effectiveFrom).thenComparingInt(SettingsVersion::version))
                .orElseThrow();
    }
}
