package io.callrecords.accounts;

import java.time.Instant;

/** One version of an account's settings and the time from which it applies to calls. */
public record SettingsVersion(int version, Instant effectiveFrom, Instant createdAt, AccountSettings settings) {}
