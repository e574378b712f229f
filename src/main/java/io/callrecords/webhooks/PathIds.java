package io.callrecords.webhooks;

import io.callrecords.shared.ApiException;

/** Ids in paths: anything that is not a positive whole number names no record, so it is a 404 like an unknown id. */
final class PathIds {

    private PathIds() {}

    static long parse(String id) {
        try {
            long parsed = Long.parseLong(id);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to Not Found
        }
        throw ApiException.notFound();
    }
}
