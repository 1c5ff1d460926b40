package nl.samenspel.governance.meeting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.StatuteRules;

/**
 * The statutes' notice period (oproepingstermijn) for a meeting that takes decisions: the convocation
 * goes out at least {@code convocationDays} before the day of the meeting, and when the statutes
 * themselves or the coalition's existence are at stake, the text is available {@code amendmentTextDays}
 * ahead as well. A meeting without decision items may be called at any time.
 */
public final class NoticePeriod {

    private NoticePeriod() {}

    /** @param days whole days between convocation and the day of the meeting, at least */
    public record Requirement(int days, boolean amendmentText) {

        public LocalDate earliestMeetingDay(LocalDate convocationDay) {
            return convocationDay.plusDays(days);
        }

        public boolean allows(LocalDate convocationDay, LocalDate meetingDay) {
            return !meetingDay.isBefore(earliestMeetingDay(convocationDay));
        }
    }

    public static Optional<Requirement> of(StatuteRules rules, Collection<DecisionType> decisionTypes) {
        if (decisionTypes.isEmpty()) {
            return Optional.empty();
        }
        boolean amendment = decisionTypes.contains(DecisionType.STATUTE_AMENDMENT)
                || decisionTypes.contains(DecisionType.DISSOLUTION);
        int days = rules.convocationDays();
        if (amendment && rules.amendmentTextDays() > days) {
            return Optional.of(new Requirement(rules.amendmentTextDays(), true));
        }
        return Optional.of(new Requirement(days, false));
    }
}
