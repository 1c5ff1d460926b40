package nl.samenspel.governance.meeting;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** The minutes (notulen) of a meeting: a draft until a later meeting of the same body approves them. */
public record Minutes(
        UUID meetingId,
        String text,
        Status status,
        @Nullable UUID approvedInMeetingId,
        @Nullable Instant approvedAt,
        Instant updatedAt,
        int version) {

    public enum Status {
        DRAFT,
        APPROVED
    }
}
