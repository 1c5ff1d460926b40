package nl.samenspel.governance.traject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;

/**
 * A traject (project) of the coalition: its owner body, its phases in order with planned and actual
 * dates, the milestones linked to it that the caller may see, and how it stands today.
 */
@Serdeable
public record Traject(
        UUID id,
        String title,
        String description,
        UUID ownerBodyId,
        String ownerBodyName,
        Instant createdAt,
        String createdBy,
        int version,
        List<Phase> phases,
        List<Milestone> milestones,
        Status status) {

    @Serdeable
    public record Phase(
            UUID id,
            int position,
            String name,
            String description,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            @Nullable LocalDate actualStart,
            @Nullable LocalDate actualEnd,
            TrajectStatus.PhaseState state,
            TrajectStatus.Timeliness timeliness,
            long daysLate,
            Counts milestones,
            int version) {}

    /** A linked accountability milestone, as the figures show it. */
    @Serdeable
    public record Milestone(
            UUID milestoneId,
            @Nullable UUID phaseId,
            UUID subsidyId,
            UUID memberId,
            String memberName,
            String title,
            LocalDate dueOn,
            String status,
            @Nullable LocalDate doneOn,
            TrajectStatus.MilestoneState state) {}

    @Serdeable
    public record Counts(int done, int open, int overdue, int dropped) {}

    /** The status view: phases done of all, the phase under way, late or overdue phases, milestone counts. */
    @Serdeable
    public record Status(
            LocalDate today,
            int phasesDone,
            int phasesTotal,
            @Nullable UUID currentPhaseId,
            int phasesLate,
            int phasesOverdue,
            Counts milestones) {}

    @Serdeable
    public record Request(
            @NotBlank @Size(max = 200) @PlainText String title,
            @Nullable @Size(max = 5000) String description,
            @NotNull UUID ownerBodyId,
            @Nullable @Valid List<PhaseRequest> phases,
            @Nullable Integer version) {}

    @Serdeable
    public record PhaseRequest(
            @NotBlank @Size(max = 200) @PlainText String name,
            @Nullable @Size(max = 5000) String description,
            @NotNull LocalDate plannedStart,
            @NotNull LocalDate plannedEnd,
            @Nullable LocalDate actualStart,
            @Nullable LocalDate actualEnd,
            @Nullable Integer version) {}

    @Serdeable
    public record PhaseOrderRequest(@NotEmpty List<@NotNull UUID> phaseIds) {}

    @Serdeable
    public record MilestoneLinkRequest(@NotNull UUID milestoneId, @Nullable UUID phaseId) {}

    /** A new accountability milestone (status PLANNED) of one member, linked to the traject at once. */
    @Serdeable
    public record NewMilestoneRequest(
            @NotNull UUID subsidyId,
            @NotNull UUID memberId,
            @NotBlank @Size(max = 300) @PlainText String title,
            @NotNull LocalDate dueOn,
            @Nullable UUID phaseId) {}
}
