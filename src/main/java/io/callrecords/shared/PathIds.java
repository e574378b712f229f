package io.callrecords.shared;


/** Ids in paths: anything that is not a positive whole number names no record, so it is a 404 like an unknown id. */
public final class PathIds {

    private PathIds() {}

    public static long parse(String id) {
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
