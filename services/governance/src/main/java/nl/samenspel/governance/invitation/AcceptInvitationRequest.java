package nl.samenspel.governance.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;
import nl.samenspel.core.value.PlainText;

/**
 * {@code password} is required only when the invited address has no account with a password yet;
 * {@code displayName} names a new account (default: the name the secretary entered).
 */
@Serdeable
public record AcceptInvitationRequest(
        @Nullable @Size(max = 1000) String password, @Nullable @Size(max = 200) @PlainText String displayName) {}
