package nl.samenspel.governance.role;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import nl.samenspel.governance.identity.CoalitionRole;

@Serdeable
public record RevokeRoleRequest(@NotNull UUID accountId, @NotNull CoalitionRole role) {}
