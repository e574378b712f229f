package io.callrecords.calls;

import io.callrecords.shared.QueryParameters;
import org.springframework.util.MultiValueMap;

/**
 * A request for one page of {@code GET /api/v3/calls}: the filter, the order, and where the page starts
 * ({@code offset} records in, or after a keyset {@code cursor}, never both).
 */
record CallListQuery(CallFilter filter, CallSort sort, int limit, int offset, ListCursor cursor) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    /** Reads every parameter of api.md "Calls"; one 422 names each bad or unknown one. */
    static CallListQuery read(MultiValueMap<String, String> parameters) {
        QueryParameters p = new QueryParameters(parameters);
        CallFilter filter = CallFilterParameters.filter(p);
        CallSort sort = CallFilterParameters.sort(p);
        int limit = (int) p.whole("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = (int) p.whole("offset", 0, 0, Integer.MAX_VALUE);
        ListCursor cursor = CallFilterParameters.cursor(p, sort);
        if (cursor != null && offset > 0) {
            p.error("offset", "cannot be combined with cursor: the cursor already says where the page starts");
        }
        p.finish();
        return new CallListQuery(filter, sort, limit, offset, cursor);
    }
}
