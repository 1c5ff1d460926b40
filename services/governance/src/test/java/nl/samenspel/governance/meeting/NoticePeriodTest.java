package nl.samenspel.governance.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Majority;
import nl.samenspel.governance.statute.rules.QuorumBasis;
import nl.samenspel.governance.statute.rules.StatuteRules;
import org.junit.jupiter.api.Test;

/** The notice period as the statutes set it, without a database. */
class NoticePeriodTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void aMeetingWithoutDecisionsNeedsNoNotice() {
        assertThat(NoticePeriod.of(StatuteRules.cooperatie(), Set.of())).isEmpty();
    }

    @Test
    void aCooperatieCallsSevenDaysAheadForAnyDecisionIncludingAnAmendment() {
        NoticePeriod.Requirement ordinary = NoticePeriod.of(StatuteRules.cooperatie(), Set.of(DecisionType.ORDINARY))
                .orElseThrow();
        assertThat(ordinary.days()).isEqualTo(7);
        assertThat(ordinary.earliestMeetingDay(MONDAY)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(ordinary.allows(MONDAY, LocalDate.of(2026, 11, 30))).isTrue();
        assertThat(ordinary.allows(MONDAY, LocalDate.of(2026, 11, 29))).isFalse();
        // Text available five days ahead is inside the seven days' convocation.
        NoticePeriod.Requirement amendment = NoticePeriod.of(
                        StatuteRules.cooperatie(), Set.of(DecisionType.ORDINARY, DecisionType.STATUTE_AMENDMENT))
                .orElseThrow();
        assertThat(amendment.days()).isEqualTo(7);
        assertThat(amendment.amendmentText()).isFalse();
    }

    @Test
    void aLongerAmendmentTermGovernsAMeetingThatAmendsTheStatutes() {
        StatuteRules rules = new StatuteRules(
                false,
                QuorumBasis.MEMBERS,
                Map.of(),
                Map.of(DecisionType.ORDINARY, Majority.SIMPLE),
                false,
                0,
                1,
                7,
                14,
                true,
                true,
                true);
        assertThat(NoticePeriod.of(rules, Set.of(DecisionType.ORDINARY))
                        .orElseThrow()
                        .days())
                .isEqualTo(7);
        NoticePeriod.Requirement dissolution =
                NoticePeriod.of(rules, Set.of(DecisionType.DISSOLUTION)).orElseThrow();
        assertThat(dissolution.days()).isEqualTo(14);
        assertThat(dissolution.amendmentText()).isTrue();
    }
}
