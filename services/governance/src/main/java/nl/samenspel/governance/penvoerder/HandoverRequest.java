package nl.samenspel.governance.penvoerder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Hands a running penvoerderschap over to another member on a day; {@code version} is the one read. */
@Serdeable
public record HandoverRequest(
        @NotNull UUID toMemberId,
        @NotNull LocalDate on,
        @Nullable @Size(max = 10000) String mandate,
        @NotNull Integer version) {}
