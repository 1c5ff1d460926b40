package nl.samenspel.governance.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** All phases of a body's meeting rhythm, in order; an empty list clears it. */
@Serdeable
public record RhythmRequest(@NotNull @Size(max = 20) List<@NotNull @Valid PhaseRequest> phases) {

    /** Every {@code everyWeeks} weeks until {@code until} (exclusive); only the last phase may be open. */
    @Serdeable
    public record PhaseRequest(@NotNull @Min(1) @Max(52) Integer everyWeeks, @Nullable LocalDate until) {}
}
