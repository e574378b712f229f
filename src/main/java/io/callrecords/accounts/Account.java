package io.callrecords.accounts;

import java.time.Instant;

/** A customer of the service: every call, key and setting belongs to exactly one. */
public record Account(long id, String name, int rateLimitPerMinute, Instant createdAt) {}
