package nl.samenspel.governance.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Quorum;

/**
 * A meeting as clients see it; times in Dutch local time with their offset. The list leaves out the
 * agenda and the records ({@code null}); the detail has them all.
 */
@Serdeable
public record MeetingResponse(
        UUID id,
        UUID bodyId,
        String bodyName,
        String title,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String location,
        @Nullable String onlineUrl,
        Meeting.Status status,
        @Nullable Instant convenedAt,
        boolean takesDecisions,
        int version,
        @Nullable List<Item> agenda,
        @Nullable List<Present> attendance,
        @Nullable QuorumResponse quorum,
        @Nullable MinutesResponse minutes,
        @Nullable List<DecisionResponse> decisions,
        @Nullable List<ActionResponse> actions,
        @Nullable List<MinutesToApprove> minutesToApprove) {

    @Serdeable
    public record Item(
            UUID id,
            int position,
            String title,
            String description,
            AgendaItem.Kind kind,
            @Nullable DecisionType decisionType,
            int version,
            List<Document> documents) {}

    @Serdeable
    public record Document(UUID id, String filename, String contentType, int sizeBytes, String sha256) {}

    /** One voting member of the body and how it attended ({@code null} status: not yet recorded). */
    @Serdeable
    public record Present(
            UUID memberId,
            String memberName,
            int votingWeight,
            @Nullable Quorum.Attendance status,
            @Nullable UUID proxyHolderId,
            @Nullable String proxyHolderName,
            String personName) {}

    @Serdeable
    public record QuorumResponse(String rulesSource, @Nullable Integer statuteNumber, List<QuorumResult> results) {}

    @Serdeable
    public record QuorumResult(
            DecisionType decisionType, boolean met, long present, long base, long required, List<String> explanation) {}

    @Serdeable
    public record MinutesResponse(
            String text,
            Minutes.Status status,
            @Nullable UUID approvedInMeetingId,
            @Nullable Instant approvedAt,
            int version) {}

    /** Earlier meetings of the body whose draft minutes this meeting may approve. */
    @Serdeable
    public record MinutesToApprove(UUID meetingId, String title, OffsetDateTime startsAt, int minutesVersion) {}

    @Serdeable
    public record DecisionResponse(
            UUID id,
            int number,
            UUID meetingId,
            String meetingTitle,
            UUID agendaItemId,
            DecisionType decisionType,
            String text,
            Decision.Outcome outcome,
            Instant decidedAt) {}

    @Serdeable
    public record ActionResponse(
            UUID id,
            UUID meetingId,
            String description,
            String ownerName,
            @Nullable UUID ownerMemberId,
            @Nullable LocalDate dueOn,
            ActionItem.Status status,
            @Nullable Instant closedAt,
            int version) {}
}
