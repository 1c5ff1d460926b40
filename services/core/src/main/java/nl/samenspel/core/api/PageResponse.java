package nl.samenspel.core.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** One page of a list endpoint: the items plus what a client needs to ask for the next page. */
@Serdeable
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> PageResponse<T> of(io.micronaut.data.model.Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(
                page.getContent().stream().map(mapper).toList(),
                page.getPageNumber(),
                page.getSize(),
                page.getTotalSize(),
                page.getTotalPages());
    }
}
