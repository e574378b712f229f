package io.callrecords.calls;

import io.callrecords.shared.QueryParameters;
import org.springframework.util.MultiValueMap;

/**
 * A page of a list of notes (a call's comments, the account's tags or dispositions): {@code limit} (1..100, default
 * 10), {@code offset}, and for comments {@code sort} ({@code created_at.asc}, the default, or {@code created_at.desc}).
 */
record NotesListQuery(int limit, int offset, boolean newestFirst) {

    static NotesListQuery read(MultiValueMap<String, String> parameters, boolean sorted) {
        QueryParameters p = new QueryParameters(parameters);
        int limit = (int) p.whole("limit", CallListQuery.DEFAULT_LIMIT, 1, CallListQuery.MAX_LIMIT);
        int offset = (int) p.whole("offset", 0, 0, Integer.MAX_VALUE);
        boolean newestFirst = false;
        if (sorted) {
            String sort = p.single("sort");
            if ("created_at.desc".equals(sort)) {
                newestFirst = true;
            } else if (sort != null && !sort.equals("created_at.asc")) {
                p.error("sort", "'" + sort + "' is not one of created_at.asc, created_at.desc");
            }
        }
        p.finish();
        return new NotesListQuery(limit, offset, newestFirst);
    }

    NotesApiTypes.Meta meta(long count) {
        return new NotesApiTypes.Meta(count, offset, limit);
    }
}
