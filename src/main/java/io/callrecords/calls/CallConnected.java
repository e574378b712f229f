package io.callrecords.calls;

import java.util.UUID;

/**
 * A call connected to a user for the first time (the {@code call_bridged} webhook). Published inside the transaction
 * that wrote it.
 *
 * @param record the record as it was at that moment: derived from the events up to the connection; no media links
 */
public record CallConnected(long accountId, UUID uuid, CallRecord record) {}
