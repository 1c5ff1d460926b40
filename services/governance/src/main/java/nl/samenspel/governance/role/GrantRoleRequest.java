package nl.samenspel.governance.role;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.samenspel.governance.identity.CoalitionRole;

/** {@code validUntil} is the last day the role counts; required for an accountant. */
@Serdeable
public record GrantRoleRequest(
        @NotBlank @Email @Size(max = 254) String email, @NotNull CoalitionRole role, @Nullable LocalDate validUntil) {}
