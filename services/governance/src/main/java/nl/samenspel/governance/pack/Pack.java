package nl.samenspel.governance.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A verantwoordingspakket of one subsidy year: asked for, made by a job with visible progress, then
 * two downloads — the sealed PDF/A-2b and the accountant's ZIP — each with its SHA-256.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pack(
        UUID id,
        UUID subsidyId,
        int year,
        Status status,
        int progress,
        Instant requestedAt,
        String requestedBy,
        @Nullable Instant completedAt,
        @Nullable Instant dataAsOf,
        @Nullable Integer pages,
        @Nullable String pdfSha256,
        @Nullable String zipSha256,
        @Nullable Boolean retrying) {

    public enum Status {
        PENDING,
        DONE,
        FAILED
    }
}
