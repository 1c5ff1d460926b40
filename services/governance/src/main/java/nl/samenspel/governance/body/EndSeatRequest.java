package nl.samenspel.governance.body;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Ends a seat's term on a day (the first day it no longer holds); {@code version} is the one read. */
@Serdeable
public record EndSeatRequest(@NotNull LocalDate termUntil, @NotNull Integer version) {}
