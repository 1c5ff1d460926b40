package nl.samenspel.governance.traject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A traject's case file (zaakdossier): the documents, decisions, meetings and reports that belong to
 * it, in the order of their dates, each with its archival classification and retention period.
 */
@Serdeable
public record CaseFile(UUID trajectId, String trajectTitle, List<Entry> entries) {

    public enum Kind {
        DOCUMENT,
        DECISION,
        MEETING,
        /** A verantwoordingspakket that is done. */
        REPORT
    }

    public enum Classification {
        OPENBAAR,
        INTERN,
        VERTROUWELIJK
    }

    /**
     * An item in the file; {@code date} is the item's own (a document's signing or upload day, a
     * decision's, a meeting's, a report's completion); {@code retentionYears} null means kept permanently.
     */
    @Serdeable
    public record Entry(
            UUID id,
            Kind kind,
            UUID refId,
            String title,
            LocalDate date,
            Classification classification,
            @Nullable Integer retentionYears,
            Instant addedAt,
            String addedBy) {}

    @Serdeable
    public record EntryRequest(
            @NotNull Kind kind,
            @NotNull UUID refId,
            @NotNull Classification classification,
            @Nullable @Min(1) @Max(100) Integer retentionYears) {}

    /** An item of the coalition that could be added to the file. */
    @Serdeable
    public record Candidate(Kind kind, UUID refId, String title, LocalDate date) {}
}
