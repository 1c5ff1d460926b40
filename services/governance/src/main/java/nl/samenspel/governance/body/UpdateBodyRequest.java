package nl.samenspel.governance.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import nl.samenspel.core.value.PlainText;
import nl.samenspel.governance.statute.rules.DecisionType;

/** The body's name and mandate as a whole; {@code version} is the one read. The kind does not change. */
@Serdeable
public record UpdateBodyRequest(
        @NotBlank @Size(max = 200) @PlainText String name,
        @Nullable @Size(max = 10000) String mandate,
        @Nullable Set<@NotNull DecisionType> decisionTypes,
        @NotNull Boolean formal,
        @NotNull Integer version) {}
