package nl.samenspel.governance.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A seat in a body for a term; {@code termUntil} is the first day it no longer holds. */
@MappedEntity("body_seat")
public record BodySeat(
        UUID coalitionId,
        @Id UUID id,
        UUID bodyId,
        @Nullable UUID memberId,
        String personName,
        SeatRole role,
        boolean votes,
        LocalDate termFrom,
        @Nullable LocalDate termUntil,
        Instant createdAt,
        @Version int version) {

    public boolean currentOn(LocalDate day) {
        return !termFrom.isAfter(day) && (termUntil == null || termUntil.isAfter(day));
    }

    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("bodyId", bodyId.toString());
        state.put("memberId", memberId == null ? null : memberId.toString());
        state.put("personName", personName);
        state.put("role", role.name());
        state.put("votes", votes);
        state.put("termFrom", termFrom.toString());
        state.put("termUntil", termUntil == null ? null : termUntil.toString());
        return state;
    }
}
