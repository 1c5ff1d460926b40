package nl.samenspel.governance.accountability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;

/**
 * The figures of a subsidy year that the caller may see: every member's for the secretary, the
 * opdrachtgever, the accountant and the penvoerder; only its own member's for a representative.
 */
@Serdeable
public record Figures(
        UUID subsidyId,
        int year,
        boolean allMembers,
        List<MemberTotals> totals,
        List<BudgetLine> budgetLines,
        List<FteLine> fteLines,
        List<Indicator> indicators,
        List<Milestone> milestones,
        List<Risk> risks) {

    /**
     * Budget against realisation of one member (or, with no member, of all shown): the whole budget, the
     * realisation so far, and the variance of the lines that have a realisation.
     */
    @Serdeable
    public record MemberTotals(
            @Nullable UUID memberId,
            String memberName,
            long budgetCents,
            long realisedCents,
            long varianceCents,
            @Nullable BigDecimal variancePct,
            BigDecimal ftePlanned,
            BigDecimal fteRealised) {}

    @Serdeable
    public record BudgetLine(
            UUID id,
            UUID memberId,
            String memberName,
            String category,
            long budgetCents,
            @Nullable Long realisedCents,
            @Nullable Long varianceCents,
            @Nullable BigDecimal variancePct,
            boolean explanationRequired,
            @Nullable String explanation,
            Instant updatedAt,
            String updatedBy,
            int version) {}

    @Serdeable
    public record FteLine(
            UUID id,
            UUID memberId,
            String memberName,
            String function,
            BigDecimal planned,
            @Nullable BigDecimal realised,
            Instant updatedAt,
            String updatedBy,
            int version) {}

    @Serdeable
    public record Indicator(
            UUID id,
            UUID memberId,
            String memberName,
            String group,
            String name,
            String unit,
            BigDecimal target,
            @Nullable BigDecimal q1,
            @Nullable BigDecimal q2,
            @Nullable BigDecimal q3,
            @Nullable BigDecimal q4,
            String pdcaNote,
            Instant updatedAt,
            String updatedBy,
            int version) {}

    public enum MilestoneStatus {
        PLANNED,
        IN_PROGRESS,
        DONE,
        DELAYED,
        DROPPED
    }

    @Serdeable
    public record Milestone(
            UUID id,
            UUID memberId,
            String memberName,
            String title,
            LocalDate dueOn,
            MilestoneStatus status,
            @Nullable LocalDate doneOn,
            String note,
            Instant updatedAt,
            String updatedBy,
            int version) {}

    public enum RiskStatus {
        OPEN,
        MITIGATED,
        CLOSED
    }

    @Serdeable
    public record Risk(
            UUID id,
            UUID memberId,
            String memberName,
            String risk,
            String cause,
            String mitigation,
            String owner,
            RiskStatus status,
            Instant updatedAt,
            String updatedBy,
            int version) {}

    // ------------------------------------------------------------------ requests

    /** Amounts in euro cents; {@code version} for a change (omit when adding). */
    @Serdeable
    public record BudgetLineRequest(
            @NotNull UUID memberId,
            @NotBlank @Size(max = 200) @PlainText String category,
            @NotNull @Min(0) @Max(100_000_000_000L) Long budgetCents,
            @Nullable @Min(0) @Max(100_000_000_000L) Long realisedCents,
            @Nullable @Size(max = 5000) String explanation,
            @Nullable Integer version) {}

    @Serdeable
    public record FteLineRequest(
            @NotNull UUID memberId,
            @NotBlank @Size(max = 200) @PlainText String function,
            @NotNull @DecimalMin("0.00") @DecimalMax("99999.99") @Digits(integer = 5, fraction = 2) BigDecimal planned,
            @Nullable @DecimalMin("0.00") @DecimalMax("99999.99") @Digits(integer = 5, fraction = 2)
                    BigDecimal realised,
            @Nullable Integer version) {}

    @Serdeable
    public record IndicatorRequest(
            @NotNull UUID memberId,
            @NotBlank @Size(max = 200) @PlainText String group,
            @NotBlank @Size(max = 200) @PlainText String name,
            @Nullable @Size(max = 50) @PlainText String unit,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal target,
            @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal q1,
            @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal q2,
            @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal q3,
            @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal q4,
            @Nullable @Size(max = 5000) String pdcaNote,
            @Nullable Integer version) {}

    @Serdeable
    public record MilestoneRequest(
            @NotNull UUID memberId,
            @NotBlank @Size(max = 300) @PlainText String title,
            @NotNull LocalDate dueOn,
            @NotNull MilestoneStatus status,
            @Nullable LocalDate doneOn,
            @Nullable @Size(max = 5000) String note,
            @Nullable Integer version) {}

    @Serdeable
    public record RiskRequest(
            @NotNull UUID memberId,
            @NotBlank @Size(max = 1000) String risk,
            @NotBlank @Size(max = 1000) String cause,
            @NotBlank @Size(max = 2000) String mitigation,
            @NotBlank @Size(max = 200) @PlainText String owner,
            @NotNull RiskStatus status,
            @Nullable Integer version) {}
}
