package nl.samenspel.governance.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;

/**
 * A seat for a person, on behalf of a member organisation ({@code memberId}) or, for an external adviser,
 * of none. {@code votes} defaults to true, and an adviser never votes.
 */
@Serdeable
public record AddSeatRequest(
        @Nullable UUID memberId,
        @NotBlank @Size(max = 200) @PlainText String personName,
        @NotNull SeatRole role,
        @Nullable Boolean votes,
        @NotNull LocalDate termFrom,
        @Nullable LocalDate termUntil) {}
