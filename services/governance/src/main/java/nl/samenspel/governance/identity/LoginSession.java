package nl.samenspel.governance.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A login; its id travels in the token ("sid"), so logging out revokes the token server-side. */
@MappedEntity("login_session")
public record LoginSession(
        @Id UUID id, UUID accountId, Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
