package nl.samenspel.governance.traject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Hours invested in a traject: weekly entries per person and member, their totals and the fte they make. */
@Serdeable
public record Hours(
        UUID trajectId,
        List<Entry> entries,
        List<Total> perMember,
        List<Total> perPhase,
        List<Fte> fte,
        BigDecimal expectedHours,
        BigDecimal realisedHours) {

    /** Hours in a year's fte: 36 per week. */
    public static final BigDecimal WEEK_HOURS = new BigDecimal("36");

    /** One week of one person for one member; {@code week} as ISO week, e.g. {@code 2026-W05}. */
    @Serdeable
    public record Entry(
            UUID id,
            String week,
            LocalDate weekStart,
            UUID accountId,
            String personEmail,
            String personName,
            UUID memberId,
            String memberName,
            @Nullable UUID phaseId,
            @Nullable String phaseName,
            BigDecimal expectedHours,
            BigDecimal realisedHours,
            int version) {}

    /** Totals of one member or one phase ({@code id} null: hours on no phase). */
    @Serdeable
    public record Total(@Nullable UUID id, String name, BigDecimal expectedHours, BigDecimal realisedHours) {}

    /**
     * Realised fte of a member in an ISO year on this traject: realised hours / (36 h × the weeks of
     * that ISO year, 52 or 53). Derived and read-only.
     */
    @Serdeable
    public record Fte(
            UUID memberId, String memberName, int year, int weeks, BigDecimal realisedHours, BigDecimal fte) {}

    /** A new entry: the person by the e-mail address of an account representing the member that week. */
    @Serdeable
    public record EntryRequest(
            @NotBlank @Size(max = 10) String week,
            @NotBlank @Size(max = 254) String personEmail,
            @NotNull UUID memberId,
            @Nullable UUID phaseId,
            @NotNull BigDecimal expectedHours,
            @NotNull BigDecimal realisedHours) {}

    /** A correction of an entry's phase and hours; week, person and member stay. */
    @Serdeable
    public record EntryUpdate(
            @Nullable UUID phaseId,
            @NotNull BigDecimal expectedHours,
            @NotNull BigDecimal realisedHours,
            @NotNull Integer version) {}

    /** What an import did: every refused row by its line in the file (the header is line 1). */
    @Serdeable
    public record ImportReport(String mode, int rows, int imported, List<RowError> rejected) {}

    @Serdeable
    public record RowError(int row, String field, String message) {}
}
