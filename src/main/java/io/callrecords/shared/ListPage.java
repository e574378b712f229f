package io.callrecords.shared;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/** A page of a list as it goes over the wire: {@code {"data": [...], "meta": {"count", "offset", "limit"}}}. */
public record ListPage<V>(List<V> data, ListMeta meta) {

    public static <T, V> ListPage<V> of(Page<T> page, Function<T, V> view, ListQuery query) {
        return new ListPage<>(page.items().stream().map(view).toList(),
                new ListMeta(page.count(), query.offset(), query.limit()));
    }

    public record ListMeta(
            @Schema(example = "1342", description = "The number of all matches") long count,
            @Schema(example = "0") int offset,
            @Schema(example = "10") int limit) {}

    /** The answer to a bulk import: {@code {"data": {"imported": N}}}. */
    public record Imported(@Schema(example = "250", description = "Rows imported (all or nothing)") int imported) {}
}
