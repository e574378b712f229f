package io.callrecords.calls;

import io.callrecords.shared.QueryParameters;
import org.springframework.util.MultiValueMap;

/** A request of the legacy {@code GET /api/v20211124/cdrs}: numbered pages, and the filters of the v3 list. */
record LegacyCdrQuery(CallFilter filter, CallSort sort, int page, int perPage) {

    /** Pages beyond this would start past any account's records; the bound keeps the offset arithmetic exact. */
    static final int MAX_PAGE = 10_000_000;

    static LegacyCdrQuery read(MultiValueMap<String, String> parameters) {
        QueryParameters p = new QueryParameters(parameters);
        CallFilter filter = CallFilterParameters.filter(p);
        CallSort sort = CallFilterParameters.sort(p);
        int page = (int) p.whole("page", 1, 1, MAX_PAGE);
        int perPage = (int) p.whole("per_page", CallListQuery.DEFAULT_LIMIT, 1, CallListQuery.MAX_LIMIT);
        p.finish();
        return new LegacyCdrQuery(filter, sort, page, perPage);
    }

    long offset() {
        return (long) (page - 1) * perPage;
    }
}
