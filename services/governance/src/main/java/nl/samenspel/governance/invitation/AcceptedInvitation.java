package nl.samenspel.governance.invitation;

import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/** The answer to accepting: logged in at once, with a bearer token as {@code /api/v1/auth/token} gives. */
@Serdeable
public record AcceptedInvitation(
        String accessToken, String tokenType, long expiresIn, String coalition, UUID representativeId) {}
