package nl.samenspel.governance.penvoerder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;

/** A penvoerder for a scope ("subsidie preventie 2021") from a day, until a day or open-ended. */
@Serdeable
public record AppointPenvoerderRequest(
        @NotBlank @Size(max = 200) @PlainText String scope,
        @NotNull UUID memberId,
        @NotNull LocalDate validFrom,
        @Nullable LocalDate validUntil,
        @Nullable @Size(max = 10000) String mandate) {}
