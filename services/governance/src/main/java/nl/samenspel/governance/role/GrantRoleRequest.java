package nl.samenspel.governance.role;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.samenspel.governance.identity.CoalitionRole;

/**
 * {@code validUntil} is the last day the role counts; required for an accountant, as are the subsidy
 * {@code years} it may see (they replace the ones granted before).
 */
@Serdeable
public record GrantRoleRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull CoalitionRole role,
        @Nullable LocalDate validUntil,
        @Nullable @Size(max = 20)
                java.util.List<
                                @NotNull @jakarta.validation.constraints.Min(2000)
                                @jakarta.validation.constraints.Max(2100) Integer>
                        years) {

    public GrantRoleRequest(String email, CoalitionRole role, LocalDate validUntil) {
        this(email, role, validUntil, null);
    }
}
