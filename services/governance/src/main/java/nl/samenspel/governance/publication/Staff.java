package nl.samenspel.governance.publication;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** An employee a member organisation gave the staff role: reads the coalition's publications. */
@Serdeable
public record Staff(
        UUID accountId, String email, String displayName, UUID memberId, String memberName, Instant grantedAt) {

    @Serdeable
    public record Request(@NotBlank @Email @Size(max = 254) String email, @NotNull UUID memberId) {}

    @Serdeable
    public record RevokeRequest(@NotNull UUID accountId) {}
}
