package io.callrecords.calls;

import java.util.List;

/** One page of a list and the number of all its items. */
public record Listed<T>(List<T> items, long count) {}
