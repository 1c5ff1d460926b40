package nl.samenspel.governance.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** An invitation as the secretary sees it; the token is never shown again after it is e-mailed. */
@Serdeable
public record InvitationResponse(
        UUID id,
        UUID memberId,
        String email,
        String displayName,
        boolean mayVote,
        boolean maySign,
        boolean signsJointly,
        String status,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant acceptedAt) {

    static InvitationResponse of(Invitation i, Instant now) {
        return new InvitationResponse(
                i.id(),
                i.memberId(),
                i.email(),
                i.displayName(),
                i.mayVote(),
                i.maySign(),
                i.signsJointly(),
                i.statusAt(now).name().toLowerCase(java.util.Locale.ROOT),
                i.createdAt(),
                i.expiresAt(),
                i.acceptedAt());
    }
}
