package nl.samenspel.governance.meeting;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A meeting of one body. {@code sequence} is the iCalendar SEQUENCE of its convocation. */
public record Meeting(
        UUID coalitionId,
        UUID id,
        UUID bodyId,
        String title,
        Instant startsAt,
        Instant endsAt,
        String location,
        @Nullable String onlineUrl,
        Status status,
        @Nullable Instant convenedAt,
        @Nullable Instant cancelledAt,
        int sequence,
        int version) {

    public enum Status {
        /** Planned; nobody has been called yet. */
        SCHEDULED,
        /** The convocation went out. */
        CONVENED,
        CANCELLED
    }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }

    public boolean hasStartedBy(Instant moment) {
        return !startsAt.isAfter(moment);
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("bodyId", bodyId.toString());
        state.put("title", title);
        state.put("startsAt", startsAt.toString());
        state.put("endsAt", endsAt.toString());
        state.put("location", location);
        state.put("onlineUrl", onlineUrl);
        state.put("status", status.name());
        return state;
    }
}
