package nl.samenspel.governance.invitation;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An invitation for a person to represent a member organisation; see V002. */
record Invitation(
        UUID id,
        UUID coalitionId,
        UUID memberId,
        String email,
        String displayName,
        boolean mayVote,
        boolean maySign,
        boolean signsJointly,
        UUID invitedBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant acceptedAt,
        @Nullable UUID acceptedAccountId) {

    enum Status {
        OPEN,
        ACCEPTED,
        EXPIRED
    }

    Status statusAt(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        return now.isBefore(expiresAt) ? Status.OPEN : Status.EXPIRED;
    }

    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("memberId", memberId.toString());
        state.put("email", email);
        state.put("displayName", displayName);
        state.put("mayVote", mayVote);
        state.put("maySign", maySign);
        state.put("signsJointly", signsJointly);
        state.put("expiresAt", expiresAt.toString());
        return state;
    }
}
