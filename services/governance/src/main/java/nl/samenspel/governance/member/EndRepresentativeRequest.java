package nl.samenspel.governance.member;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Ends a mandate: {@code validUntil} is the first day the person no longer acts for the member. */
@Serdeable
public record EndRepresentativeRequest(@NotNull LocalDate validUntil, @NotNull Integer version) {}
