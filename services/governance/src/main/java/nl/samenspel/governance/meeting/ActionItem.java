package nl.samenspel.governance.meeting;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An action agreed in a meeting (actiepunt): who does what by when. */
public record ActionItem(
        UUID id,
        UUID meetingId,
        String description,
        String ownerName,
        @Nullable UUID ownerMemberId,
        @Nullable LocalDate dueOn,
        Status status,
        Instant createdAt,
        @Nullable Instant closedAt,
        int version) {

    public enum Status {
        OPEN,
        DONE,
        CANCELLED
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("meetingId", meetingId.toString());
        state.put("description", description);
        state.put("ownerName", ownerName);
        state.put("ownerMemberId", ownerMemberId == null ? null : ownerMemberId.toString());
        state.put("dueOn", dueOn == null ? null : dueOn.toString());
        state.put("status", status.name());
        return state;
    }
}
