package nl.samenspel.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a list endpoint: the items plus what a client needs to ask for the next page. An empty page
 * says {@code "items": []}, where the serializer's default would leave the field out.
 */
@Serdeable
public record PageResponse<T>(
        @JsonInclude(JsonInclude.Include.ALWAYS) List<T> items, int page, int size, long totalItems, int totalPages) {

    /** Page {@code page} (from 0) of {@code size} items, of {@code totalItems} in all. */
    public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageResponse<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }
}
