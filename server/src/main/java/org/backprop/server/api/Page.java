package org.backprop.server.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list: its items, where it is, and how many items there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Returns the requested page of {@code query}, each entity turned into its view. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageParams params, Function<E, T> view) {
        List<T> items = query.page(params.page, params.size).list().stream().map(view).toList();
        return new Page<>(items, params.page, params.size, query.count());
    }
}
