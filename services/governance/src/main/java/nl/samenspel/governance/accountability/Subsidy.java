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
import java.util.UUID;
import nl.samenspel.core.value.PlainText;

/**
 * The opdracht or subsidiebeschikking of a year: what the municipality grants, for which period and
 * scope (the penvoerderschap under which it is held), when the verantwoording is due, and the
 * municipality's own thresholds for an accountantsverklaring and for explaining a variance.
 */
@Serdeable
public record Subsidy(
        UUID id,
        int year,
        String title,
        String scope,
        String grantor,
        @Nullable String reference,
        long amountCents,
        LocalDate periodFrom,
        LocalDate periodUntil,
        String conditions,
        LocalDate verantwoordingDue,
        long accountantThresholdCents,
        BigDecimal varianceThresholdPct,
        boolean accountantStatementRequired,
        @Nullable UUID penvoerderMemberId,
        @Nullable String penvoerderName,
        Instant createdAt,
        String createdBy,
        int version) {

    /** What the secretary or opdrachtgever sends to record (or correct) a subsidy. */
    @Serdeable
    public record Request(
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotBlank @Size(max = 200) @PlainText String scope,
            @NotBlank @Size(max = 200) @PlainText String grantor,
            @Nullable @Size(max = 100) @PlainText String reference,
            @NotNull @Min(0) @Max(100_000_000_000L) Long amountCents,
            @NotNull LocalDate periodFrom,
            @NotNull LocalDate periodUntil,
            @Nullable @Size(max = 20000) String conditions,
            @NotNull LocalDate verantwoordingDue,
            @NotNull @Min(0) @Max(100_000_000_000L) Long accountantThresholdCents,
            @NotNull @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2)
                    BigDecimal varianceThresholdPct,
            @Nullable Integer version) {}
}
