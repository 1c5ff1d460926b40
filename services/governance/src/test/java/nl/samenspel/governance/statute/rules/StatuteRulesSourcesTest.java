package nl.samenspel.governance.statute.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The article references a statute version carries, and rule sets stored before they existed. */
class StatuteRulesSourcesTest {

    /** As StatuteRepository maps the jsonb column. */
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A rule set as stored in the jsonb column before {@code sources} was added. */
    static final String STORED_BEFORE_SOURCES =
            """
            {"weightsPerMember":false,"quorumBasis":"MEMBERS",
             "quorum":{"ORDINARY":{"numerator":1,"denominator":2,"strict":true}},
             "majority":{"STATUTE_AMENDMENT":"TWO_THIRDS"},
             "secondMeetingWithoutQuorum":true,"secondMeetingWithinDays":28,"proxyCapPerHolder":1,
             "convocationDays":7,"amendmentTextDays":5,"abstentionsCountTowardQuorum":true,
             "conflictOfInterestExcluded":true,"writtenDecisionsUnanimous":true}
            """;

    @Test
    void aRuleSetStoredWithoutSourcesReadsWithNone() throws Exception {
        StatuteRules rules = JSON.readValue(STORED_BEFORE_SOURCES, StatuteRules.class);
        assertThat(rules.sources()).isEmpty();
        assertThat(rules.source(StatuteRules.MAJORITY, DecisionType.STATUTE_AMENDMENT))
                .isEmpty();
        assertThat(rules.majorityFor(DecisionType.STATUTE_AMENDMENT)).isEqualTo(Majority.TWO_THIRDS);
        assertThat(rules.quorumFor(DecisionType.ORDINARY)).isEqualTo(Share.moreThan(1, 2));
        // Through a map too, as StatuteRepository.rulesFrom reads it.
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.readValue(STORED_BEFORE_SOURCES, Map.class);
        assertThat(JSON.convertValue(map, StatuteRules.class)).isEqualTo(rules);
    }

    @Test
    void sourcesSurviveTheJsonRoundTrip() {
        StatuteRules law = StatuteRules.cooperatie();
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(law, Map.class);
        assertThat(map).containsKey("sources");
        StatuteRules back = JSON.convertValue(map, StatuteRules.class);
        assertThat(back).isEqualTo(law);
        assertThat(back.source(StatuteRules.MAJORITY, DecisionType.STATUTE_AMENDMENT))
                .contains("artikel 2:43 lid 1 BW");
    }

    @Test
    void aTypeWithoutItsOwnSourceFallsBackToTheRule() {
        StatuteRules law = StatuteRules.cooperatie();
        assertThat(law.source(StatuteRules.MAJORITY, DecisionType.ORDINARY)).contains("de statuten");
        assertThat(law.source(StatuteRules.WRITTEN)).contains("artikel 2:40 lid 2 BW");
        StatuteRules convenant = StatuteRules.samenwerkingsverband();
        assertThat(convenant.source(StatuteRules.MAJORITY, DecisionType.ADMISSION))
                .contains("het convenant, toetreding");
        assertThat(convenant.source(StatuteRules.QUORUM, DecisionType.BUDGET))
                .contains("het convenant, besluitvorming");
    }

    @Test
    void blankSourcesAreDroppedAndMultiLineOnesRefused() {
        StatuteRules rules = StatuteRules.cooperatie().withSources(Map.of("quorum", "  ", "proxy", " artikel 8 "));
        assertThat(rules.sources()).containsExactlyEntriesOf(Map.of("proxy", "artikel 8"));
        assertThatThrownBy(() -> StatuteRules.cooperatie().withSources(Map.of("proxy", "artikel 8\nen meer")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
