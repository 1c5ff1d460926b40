package nl.samenspel.governance.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import nl.samenspel.core.value.PlainText;
import nl.samenspel.governance.coalition.BodyKind;
import nl.samenspel.governance.statute.rules.DecisionType;

/** A new body; {@code formal} defaults to true except for a klankbordgroep. */
@Serdeable
public record CreateBodyRequest(
        @NotNull BodyKind kind,
        @NotBlank @Size(max = 200) @PlainText String name,
        @Nullable @Size(max = 10000) String mandate,
        @Nullable Set<@NotNull DecisionType> decisionTypes,
        @Nullable Boolean formal) {}
