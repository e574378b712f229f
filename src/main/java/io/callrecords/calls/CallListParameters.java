package io.callrecords.calls;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that takes the call filters of {@link CallFilterParameters}, so that {@link CallsOpenApi}
 * describes them (and the endpoint's paging) once for all such endpoints.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface CallListParameters {

    Paging value();

    /** How the endpoint pages. */
    enum Paging {
        /** {@code limit}, {@code offset}, {@code cursor}: {@code GET /api/v3/calls}. */
        OFFSET_AND_CURSOR,
        /** none, but a {@code format}: the export. */
        EXPORT,
        /** {@code page}, {@code per_page}: the legacy cdrs list. */
        PAGES
    }
}
