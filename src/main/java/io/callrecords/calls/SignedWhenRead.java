package io.callrecords.calls;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link CallRecord} field that has no column: a media link, signed afresh on every read of the record
 * (call-records.md §4), so that {@link CallRecordFields#COLUMNS} leaves it out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface SignedWhenRead {}
