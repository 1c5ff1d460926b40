package nl.samenspel.governance.statute.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.samenspel.governance.statute.rules.Quorum.Attendance;
import nl.samenspel.governance.statute.rules.Quorum.Voter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for the two reference coalitions (DOMAIN.md); no database. */
class QuorumTest {

    static final Attendance P = Attendance.PRESENT;
    static final Attendance R = Attendance.REPRESENTED;

    static Quorum.Result quorum(
            StatuteRules rules, DecisionType type, List<Voter> voters, Map<String, Attendance> attendance) {
        return Quorum.of(rules, type, voters, attendance, Map.of(), Set.of(), Set.of());
    }

    @Nested
    class Deventer {

        final List<Voter> partners = List.of(
                new Voter("Raster", 1),
                new Voter("De Kern", 1),
                new Voter("MEE IJsseloevers", 1),
                new Voter("Solis", 1));
        final StatuteRules convenant = StatuteRules.samenwerkingsverband();

        @Test
        void threeOfFourPartnersIsMoreThanHalf() {
            Quorum.Result result =
                    quorum(convenant, DecisionType.ORDINARY, partners, Map.of("Raster", P, "De Kern", P, "Solis", P));
            assertThat(result.met()).isTrue();
            assertThat(result.present()).isEqualTo(3);
            assertThat(result.base()).isEqualTo(4);
            assertThat(result.required()).isEqualTo(3);
        }

        @Test
        void twoOfFourIsExactlyHalfAndNotMore() {
            Quorum.Result result = quorum(convenant, DecisionType.BUDGET, partners, Map.of("Raster", P, "De Kern", P));
            assertThat(result.met()).isFalse();
            assertThat(result.required()).isEqualTo(3);
            assertThat(result.explanation()).last().isEqualTo("Het quorum is niet gehaald.");
        }

        @Test
        void aRecusedPartnerLeavesTheBaseSoTwoOfThreeSuffices() {
            // Raster is the candidate penvoerder and declares a conflict of interest.
            Quorum.Result result = Quorum.of(
                    convenant,
                    DecisionType.PENVOERDER_APPOINTMENT,
                    partners,
                    Map.of("Raster", P, "De Kern", P, "MEE IJsseloevers", P),
                    Map.of(),
                    Set.of("Raster"),
                    Set.of());
            assertThat(result.base()).isEqualTo(3);
            assertThat(result.present()).isEqualTo(2);
            assertThat(result.met()).isTrue();
            assertThat(result.explanation()).contains("Raster heeft een tegenstrijdig belang en telt niet mee.");
        }

        @Test
        void withWeightsTheCountIsInWeight() {
            // Hypothetical weights by contribution: Raster 3, De Kern 2, MEE 2, Solis 1 = 8; more than half is 5.
            StatuteRules weighted = new StatuteRules(
                    true,
                    QuorumBasis.WEIGHTS,
                    convenant.quorum(),
                    convenant.majority(),
                    false,
                    0,
                    1,
                    7,
                    7,
                    true,
                    true,
                    true);
            List<Voter> voters = List.of(
                    new Voter("Raster", 3),
                    new Voter("De Kern", 2),
                    new Voter("MEE IJsseloevers", 2),
                    new Voter("Solis", 1));
            assertThat(quorum(weighted, DecisionType.ORDINARY, voters, Map.of("Raster", P, "Solis", P))
                            .met())
                    .as("3 + 1 = 4 of 8")
                    .isFalse();
            Quorum.Result five = quorum(weighted, DecisionType.ORDINARY, voters, Map.of("Raster", P, "De Kern", P));
            assertThat(five.met()).as("3 + 2 = 5 of 8").isTrue();
            assertThat(five.required()).isEqualTo(5);
        }
    }

    @Nested
    class DeKleineSchans {

        final List<Voter> founders =
                List.of(new Voter("Gemeente Woudenberg", 1), new Voter("MEE", 1), new Voter("Youké", 1));

        /** A draft statute that asks two thirds of the members present for an amendment. */
        StatuteRules draft() {
            Map<DecisionType, Share> quorum = new EnumMap<>(DecisionType.class);
            quorum.put(DecisionType.STATUTE_AMENDMENT, Share.atLeast(2, 3));
            StatuteRules law = StatuteRules.cooperatie();
            return new StatuteRules(
                    false, QuorumBasis.MEMBERS, quorum, law.majority(), true, 28, 1, 7, 5, true, true, true);
        }

        @Test
        void theLawItselfSetsNoQuorum() {
            Quorum.Result result = quorum(StatuteRules.cooperatie(), DecisionType.ORDINARY, founders, Map.of("MEE", P));
            assertThat(result.met()).isTrue();
            assertThat(result.required()).isZero();
        }

        @Test
        void twoOfThreeIsExactlyTwoThirds() {
            Quorum.Result result = quorum(
                    draft(), DecisionType.STATUTE_AMENDMENT, founders, Map.of("Gemeente Woudenberg", P, "Youké", P));
            assertThat(result.met()).isTrue();
            assertThat(result.required()).isEqualTo(2);
        }

        @Test
        void oneOfThreeFailsAndTheSecondMeetingRuleIsNamed() {
            Quorum.Result result = quorum(draft(), DecisionType.STATUTE_AMENDMENT, founders, Map.of("MEE", P));
            assertThat(result.met()).isFalse();
            assertThat(String.join(" ", result.explanation())).contains("tweede vergadering binnen 28 dagen");
        }

        @Test
        void aProxyCountsOnlyWhenItsHolderIsThereAndWithinTheCap() {
            StatuteRules rules = draft();
            // Youké gave MEE a proxy: MEE present plus Youké represented is two of three.
            assertThat(Quorum.of(
                                    rules,
                                    DecisionType.STATUTE_AMENDMENT,
                                    founders,
                                    Map.of("MEE", P, "Youké", R),
                                    Map.of("Youké", "MEE"),
                                    Set.of(),
                                    Set.of())
                            .met())
                    .isTrue();
            // The holder stayed away: the proxy is worth nothing.
            assertThat(Quorum.of(
                                    rules,
                                    DecisionType.STATUTE_AMENDMENT,
                                    founders,
                                    Map.of("Youké", R, "Gemeente Woudenberg", P),
                                    Map.of("Youké", "MEE"),
                                    Set.of(),
                                    Set.of())
                            .met())
                    .isFalse();
            // One proxy per holder: MEE cannot also carry the municipality.
            Quorum.Result capped = Quorum.of(
                    rules,
                    DecisionType.STATUTE_AMENDMENT,
                    founders,
                    Map.of("MEE", P, "Youké", R, "Gemeente Woudenberg", R),
                    Map.of("Youké", "MEE", "Gemeente Woudenberg", "MEE"),
                    Set.of(),
                    Set.of());
            assertThat(capped.present()).isEqualTo(2);
            assertThat(String.join(" ", capped.explanation())).contains("het maximum");
        }

        @Test
        void whereAbstentionsDoNotCountAnAbstainerIsNotPresentForQuorum() {
            StatuteRules law = draft();
            StatuteRules strict = new StatuteRules(
                    false, QuorumBasis.MEMBERS, law.quorum(), law.majority(), true, 28, 1, 7, 5, false, true, true);
            Quorum.Result result = Quorum.of(
                    strict,
                    DecisionType.STATUTE_AMENDMENT,
                    founders,
                    Map.of("MEE", P, "Youké", P),
                    Map.of(),
                    Set.of(),
                    Set.of("Youké"));
            assertThat(result.present()).isEqualTo(1);
            assertThat(result.met()).isFalse();
        }
    }

    @Test
    void cooperatieDefaultsFollowBookTwo() {
        StatuteRules law = StatuteRules.cooperatie();
        assertThat(law.majorityFor(DecisionType.STATUTE_AMENDMENT)).isEqualTo(Majority.TWO_THIRDS);
        assertThat(law.convocationDays()).isGreaterThanOrEqualTo(7);
        assertThat(law.amendmentTextDays()).isGreaterThanOrEqualTo(5);
        assertThat(law.writtenDecisionsUnanimous()).isTrue();
        assertThat(law.majorityFor(DecisionType.ORDINARY)).isEqualTo(Majority.SIMPLE);
    }

    @Test
    void sharesCompareInWholeNumbers() {
        assertThat(Share.atLeast(2, 3).reachedBy(2, 3)).isTrue();
        assertThat(Share.moreThan(2, 3).reachedBy(2, 3)).isFalse();
        assertThat(Share.moreThan(1, 2).minimumOf(4)).isEqualTo(3);
        assertThat(Share.atLeast(1, 2).minimumOf(4)).isEqualTo(2);
        assertThat(Share.NONE.minimumOf(5)).isZero();
    }
}
