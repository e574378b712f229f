package io.callrecords.calls;

import java.util.UUID;

/** A call's record exists: its {@code init} arrived (the {@code call_init} webhook). Published inside the transaction that wrote it. */
public record CallStarted(long accountId, UUID uuid) {}
