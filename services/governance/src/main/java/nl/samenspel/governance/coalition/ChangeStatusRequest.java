package nl.samenspel.governance.coalition;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** {@code version} is the one the client last read; a stale one is a 409. */
@Serdeable
public record ChangeStatusRequest(@NotNull CoalitionStatus status, @NotNull Integer version) {}
