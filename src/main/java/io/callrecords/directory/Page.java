package io.callrecords.directory;

import java.util.List;

/** One page of a list and the number of all matches. */
record Page<T>(List<T> items, long count) {}
