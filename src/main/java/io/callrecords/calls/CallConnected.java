package io.callrecords.calls;

import java.util.UUID;

/** A call connected to a user for the first time (the {@code call_bridged} webhook). Published inside the transaction that wrote it. */
public record CallConnected(long accountId, UUID uuid) {}
