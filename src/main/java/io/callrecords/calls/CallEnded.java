package io.callrecords.calls;

import java.util.UUID;

/** A call ended: its record is final for the {@code call_hangup} webhook. Published inside the transaction that wrote it. */
public record CallEnded(long accountId, UUID uuid) {}
