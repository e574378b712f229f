package io.callrecords.calls;

import java.util.UUID;

/**
 * A call's record exists: its {@code init} arrived (the {@code call_init} webhook). Published inside the transaction
 * that wrote it.
 *
 * @param record the record as it was at that moment: derived from {@code init} alone, so nothing that happened
 *               later in the call (even in the same request) is in it; no media links
 */
public record CallStarted(long accountId, UUID uuid, CallRecord record) {}
