package nl.samenspel.governance.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Quorum;

/** What clients send to plan and record meetings. Times carry their offset (ISO 8601). */
public final class MeetingRequests {

    static final String URL = "^https?://\\S+$";

    private MeetingRequests() {}

    /** A new meeting; {@code endsAt} defaults to two hours after the start. */
    @Serdeable
    public record Schedule(
            @NotNull UUID bodyId,
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotNull OffsetDateTime startsAt,
            @Nullable OffsetDateTime endsAt,
            @Nullable @Size(max = 300) @PlainText String location,
            @Nullable @Size(max = 2000) @Pattern(regexp = URL) String onlineUrl,
            @Nullable @Size(max = 100) List<@Valid @NotNull Item> agenda) {}

    @Serdeable
    public record Reschedule(
            int version,
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotNull OffsetDateTime startsAt,
            @Nullable OffsetDateTime endsAt,
            @Nullable @Size(max = 300) @PlainText String location,
            @Nullable @Size(max = 2000) @Pattern(regexp = URL) String onlineUrl) {}

    @Serdeable
    public record Item(
            @NotBlank @Size(max = 300) @PlainText String title,
            @Nullable @Size(max = 20000) String description,
            @NotNull AgendaItem.Kind kind,
            @Nullable DecisionType decisionType) {}

    @Serdeable
    public record ItemUpdate(
            int version,
            @NotBlank @Size(max = 300) @PlainText String title,
            @Nullable @Size(max = 20000) String description,
            @NotNull AgendaItem.Kind kind,
            @Nullable DecisionType decisionType) {}

    /** Every item of the agenda, once, in the new order. */
    @Serdeable
    public record Order(@NotNull @Size(min = 1, max = 100) List<@NotNull UUID> itemIds) {}

    /** The whole attendance list; members not named are absent. */
    @Serdeable
    public record AttendanceList(@NotNull @Size(max = 500) List<@Valid @NotNull Entry> entries) {}

    @Serdeable
    public record Entry(
            @NotNull UUID memberId,
            @NotNull Quorum.Attendance status,
            @Nullable UUID proxyHolderId,
            @Nullable @Size(max = 200) @PlainText String personName) {}

    /** Draft minutes; {@code version} is required once a draft exists. */
    @Serdeable
    public record MinutesDraft(@NotNull @Size(max = 200000) String text, @Nullable Integer version) {}

    /** Approves this meeting's minutes in {@code inMeetingId}, a later meeting of the same body. */
    @Serdeable
    public record ApproveMinutes(@NotNull UUID inMeetingId, int version) {}

    @Serdeable
    public record RecordDecision(
            @NotNull UUID agendaItemId, @NotBlank @Size(max = 20000) String text, @NotNull Decision.Outcome outcome) {}

    @Serdeable
    public record NewAction(
            @NotBlank @Size(max = 2000) @PlainText String description,
            @NotBlank @Size(max = 200) @PlainText String ownerName,
            @Nullable UUID ownerMemberId,
            @Nullable LocalDate dueOn) {}

    @Serdeable
    public record ActionStatus(@NotNull ActionItem.Status status, int version) {}
}
