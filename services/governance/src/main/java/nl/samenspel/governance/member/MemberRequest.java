package nl.samenspel.governance.member;

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
import java.time.LocalDate;
import nl.samenspel.core.value.PlainText;
import nl.samenspel.core.value.ValidKvkNumber;
import nl.samenspel.core.value.ValidRsin;

/**
 * A member as the secretary enters it. Money in euro cents, fte with two decimals. {@code version} is
 * required on updates (the one last read) and ignored on creation.
 */
@Serdeable
public record MemberRequest(
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotNull MemberKind kind,
        @Nullable @ValidKvkNumber String kvkNumber,
        @Nullable @ValidRsin String rsin,
        @NotNull LocalDate joinedOn,
        @Nullable @DecimalMin("0.00") @DecimalMax("99999.99") @Digits(integer = 5, fraction = 2)
                BigDecimal contributionFte,
        @Nullable @Min(0) @Max(100_000_000_000L) Long contributionCents,
        @Nullable @Min(0) @Max(1000) Integer votingWeight,
        @Nullable Boolean alsoOpdrachtgever,
        @Nullable Integer version) {}
