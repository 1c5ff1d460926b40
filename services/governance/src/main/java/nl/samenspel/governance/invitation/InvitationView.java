package nl.samenspel.governance.invitation;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** What the holder of an invitation link is invited to, before accepting. */
@Serdeable
public record InvitationView(
        String coalitionName,
        String memberName,
        String email,
        String displayName,
        boolean mayVote,
        boolean maySign,
        Instant expiresAt,
        boolean accountHasPassword) {}
