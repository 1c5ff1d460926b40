package nl.samenspel.governance.traject;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How a phase and a milestone stand on a day: plain rules, no framework. */
public final class TrajectStatus {

    private TrajectStatus() {}

    public enum PhaseState {
        NOT_STARTED,
        IN_PROGRESS,
        DONE
    }

    /** ON_TIME: done by its planned end, or not yet past it. LATE: done after it. OVERDUE: not done and past it. */
    public enum Timeliness {
        ON_TIME,
        LATE,
        OVERDUE
    }

    /** Whether a milestone is done, dropped, still open, or open past its due date. */
    public enum MilestoneState {
        DONE,
        DROPPED,
        OPEN,
        OVERDUE
    }

    public record PhaseStanding(PhaseState state, Timeliness timeliness, long daysLate) {}

    public static PhaseStanding phase(
            LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, LocalDate today) {
        if (actualEnd != null) {
            long late = Math.max(0, ChronoUnit.DAYS.between(plannedEnd, actualEnd));
            return new PhaseStanding(PhaseState.DONE, late > 0 ? Timeliness.LATE : Timeliness.ON_TIME, late);
        }
        PhaseState state = actualStart == null ? PhaseState.NOT_STARTED : PhaseState.IN_PROGRESS;
        long late = Math.max(0, ChronoUnit.DAYS.between(plannedEnd, today));
        return new PhaseStanding(state, late > 0 ? Timeliness.OVERDUE : Timeliness.ON_TIME, late);
    }

    /** {@code status} is the accountability milestone's status (PLANNED, IN_PROGRESS, DONE, DELAYED, DROPPED). */
    public static MilestoneState milestone(String status, LocalDate dueOn, LocalDate today) {
        return switch (status) {
            case "DONE" -> MilestoneState.DONE;
            case "DROPPED" -> MilestoneState.DROPPED;
            default -> dueOn.isBefore(today) ? MilestoneState.OVERDUE : MilestoneState.OPEN;
        };
    }
}
