package nl.samenspel.governance.body;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A body's meeting rhythm as ordered phases: meet every {@code everyWeeks} weeks until a day (the first
 * day the phase no longer applies), then the next phase. Only the last phase may be open-ended; when the
 * last phase ends too, the body stops meeting. Plain Java, no framework.
 */
public final class MeetingRhythm {

    /** One phase; {@code until} is exclusive and {@code null} only for an open-ended last phase. */
    public record Phase(int everyWeeks, LocalDate until) {
        public Phase {
            if (everyWeeks < 1 || everyWeeks > 52) {
                throw new IllegalArgumentException("everyWeeks must be 1..52");
            }
        }
    }

    private final List<Phase> phases;

    public MeetingRhythm(List<Phase> phases) {
        this.phases = List.copyOf(phases);
        for (int i = 0; i < this.phases.size(); i++) {
            LocalDate until = this.phases.get(i).until();
            if (until == null && i < this.phases.size() - 1) {
                throw new IllegalArgumentException("only the last phase may be open-ended");
            }
            if (i > 0 && until != null && !until.isAfter(this.phases.get(i - 1).until())) {
                throw new IllegalArgumentException("phases must end in increasing order");
            }
        }
    }

    public List<Phase> phases() {
        return phases;
    }

    /**
     * The first {@code count} meetings, starting with a meeting on {@code first}. Within a phase the
     * meetings are {@code everyWeeks} apart; when the next one would fall on or after the phase's end,
     * it is planned at the next phase's interval after the last meeting instead. Fewer than
     * {@code count} dates come back when the rhythm ends.
     */
    public List<LocalDate> next(LocalDate first, int count) {
        Objects.requireNonNull(first, "first");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        List<LocalDate> meetings = new ArrayList<>();
        int phase = phaseOn(first, 0);
        if (phase < 0) {
            return meetings;
        }
        LocalDate meeting = first;
        while (meetings.size() < count) {
            meetings.add(meeting);
            LocalDate candidate = meeting.plusWeeks(phases.get(phase).everyWeeks());
            while (!applies(phase, candidate)) {
                phase++;
                if (phase == phases.size()) {
                    return meetings;
                }
                candidate = meeting.plusWeeks(phases.get(phase).everyWeeks());
            }
            meeting = candidate;
        }
        return meetings;
    }

    private int phaseOn(LocalDate day, int from) {
        for (int i = from; i < phases.size(); i++) {
            if (applies(i, day)) {
                return i;
            }
        }
        return -1;
    }

    private boolean applies(int phase, LocalDate day) {
        LocalDate until = phases.get(phase).until();
        return until == null || day.isBefore(until);
    }
}
