package nl.samenspel.governance.voting;

import static nl.samenspel.governance.voting.Choice.ABSTAIN;
import static nl.samenspel.governance.voting.Choice.AGAINST;
import static nl.samenspel.governance.voting.Choice.FOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.QuorumBasis;
import nl.samenspel.governance.statute.rules.Share;
import nl.samenspel.governance.statute.rules.StatuteRules;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for the two reference coalitions (DOMAIN.md); no database. */
class VotingEngineTest {

    static String text(VotingResult result) {
        return String.join("\n", result.explanation());
    }

    @Nested
    class Deventer {

        static final String RASTER = "Raster";
        static final String KERN = "De Kern";
        static final String MEE = "MEE IJsseloevers";
        static final String SOLIS = "Zorggroep Solis";

        final List<Voter> partners =
                List.of(new Voter(RASTER, 1), new Voter(KERN, 1), new Voter(MEE, 1), new Voter(SOLIS, 1));
        final StatuteRules convenant = StatuteRules.samenwerkingsverband();

        VotingCase meeting(DecisionType type) {
            return VotingCase.meeting(convenant, type, partners);
        }

        @Test
        void threePartnersPresentTwoForOneAgainstAdoptAnOrdinaryDecision() {
            VotingResult result = VotingEngine.decide(meeting(DecisionType.ORDINARY)
                    .withBallot(RASTER, FOR)
                    .withBallot(KERN, FOR)
                    .withBallot(MEE, AGAINST));
            assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
            assertThat(result.tally()).isEqualTo(new Tally(2, 1, 0, 2, 1, 0, 3, 4));
            assertThat(result.explanation())
                    .contains("Meerderheid voor een gewoon besluit: meer dan de helft van de uitgebrachte stemmen"
                            + " (het convenant, besluitvorming). Voor: 2, tegen: 1 (66,7 %). Aangenomen.");
            assertThat(text(result))
                    .contains(
                            "Quorum voor een gewoon besluit: meer dan de helft van de stemgerechtigde leden (het convenant, besluitvorming).");
        }

        @Test
        void twoOfFourIsNoQuorumAndTheDecisionIsInvalidNotRejectedEvenInASecondMeeting() {
            VotingCase two =
                    meeting(DecisionType.BUDGET).withBallot(RASTER, FOR).withBallot(KERN, FOR);
            VotingResult first = VotingEngine.decide(two);
            assertThat(first.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(first.quorum()).get().extracting(q -> q.present()).isEqualTo(2L);
            assertThat(first.explanation()).last().asString().contains("ongeldig, niet verworpen");
            // The covenant has no rule that a second meeting may decide without quorum.
            VotingResult second = VotingEngine.decide(two.asSecondMeeting());
            assertThat(second.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(text(second))
                    .contains("Ook in een tweede vergadering is het quorum nodig (het convenant, besluitvorming).");
        }

        @Test
        void aRecusalShrinksTheQuorumBaseSoTwoOfThreeMayAppointThePenvoerder() {
            // Raster is the candidate penvoerder and declares a conflict of interest; it attends and votes anyway.
            VotingCase c = meeting(DecisionType.PENVOERDER_APPOINTMENT)
                    .withBallot(RASTER, FOR)
                    .withBallot(KERN, FOR)
                    .withBallot(MEE, FOR);
            VotingResult withoutRecusal = VotingEngine.decide(c.withoutBallot(RASTER));
            assertThat(withoutRecusal.outcome())
                    .as("2 of 4 is not more than half")
                    .isEqualTo(Outcome.INVALID);

            VotingResult result = VotingEngine.decide(c.withRecused(RASTER));
            assertThat(result.quorum().orElseThrow().base()).isEqualTo(3);
            assertThat(result.quorum().orElseThrow().present()).isEqualTo(2);
            assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
            assertThat(result.tally().forCount())
                    .as("Raster's own ballot does not count")
                    .isEqualTo(2);
            assertThat(result.votes()).doesNotContainKey(RASTER);
            assertThat(result.recused()).containsExactly(RASTER);
            assertThat(result.explanation())
                    .contains(
                            "Raster heeft een tegenstrijdig belang en stemt niet mee; telt ook niet mee voor het quorum"
                                    + " (het convenant, tegenstrijdig belang).")
                    .contains("Meerderheid voor benoeming van de penvoerder: ten minste twee derde van de uitgebrachte"
                            + " stemmen (het convenant, penvoerderschap). Voor: 2, tegen: 0 (100 %). Aangenomen.");
        }

        @Test
        void aProxyOverTheCapIsNotCounted() {
            // Raster holds proxies from MEE (free) and Solis (instructed against); the covenant allows one each.
            VotingResult result = VotingEngine.decide(meeting(DecisionType.ORDINARY)
                    .withBallot(RASTER, FOR)
                    .withBallot(KERN, AGAINST)
                    .withProxy(Proxy.free(MEE, RASTER))
                    .withProxy(new Proxy(SOLIS, RASTER, AGAINST)));
            assertThat(result.proxiesUsed()).containsExactly(Proxy.free(MEE, RASTER));
            assertThat(result.tally()).isEqualTo(new Tally(2, 1, 0, 2, 1, 0, 3, 4));
            assertThat(result.quorum().orElseThrow().present()).isEqualTo(3);
            assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
            assertThat(result.explanation())
                    .contains("MEE IJsseloevers is vertegenwoordigd door Raster (het convenant, volmacht);"
                            + " vrije volmacht, stemt als Raster: voor.")
                    .contains("Volmacht van Zorggroep Solis aan Raster telt niet: Raster mag ten hoogste 1"
                            + " ander(e) lid/leden vertegenwoordigen (het convenant, volmacht).");
        }

        @Test
        void anInstructedProxyVotesAsInstructedAndAnOwnBallotOverridesAProxy() {
            VotingResult result = VotingEngine.decide(meeting(DecisionType.ORDINARY)
                    .withBallot(RASTER, FOR)
                    .withBallot(KERN, FOR)
                    .withProxy(new Proxy(MEE, KERN, AGAINST))
                    .withProxy(new Proxy(SOLIS, RASTER, FOR))
                    .withBallot(SOLIS, ABSTAIN));
            assertThat(result.votes())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(RASTER, FOR, KERN, FOR, MEE, AGAINST, SOLIS, ABSTAIN));
            assertThat(result.proxiesUsed()).containsExactly(new Proxy(MEE, KERN, AGAINST));
            assertThat(result.explanation()).contains("Zorggroep Solis stemt zelf; de volmacht aan Raster vervalt.");
            assertThat(result.tally().votesCast()).isEqualTo(3);
            assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
        }

        @Test
        void aCovenantAmendmentNeedsEveryPartnerPresentAndNoneAgainst() {
            VotingCase three = meeting(DecisionType.STATUTE_AMENDMENT)
                    .withBallot(RASTER, FOR)
                    .withBallot(KERN, FOR)
                    .withBallot(MEE, FOR);
            VotingResult absent = VotingEngine.decide(three);
            assertThat(absent.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(absent.explanation())
                    .last()
                    .asString()
                    .contains("Afwezig: Zorggroep Solis.")
                    .contains("(het convenant, wijziging)");
            assertThat(VotingEngine.decide(three.withBallot(SOLIS, ABSTAIN)).outcome())
                    .isEqualTo(Outcome.ADOPTED);
            assertThat(VotingEngine.decide(three.withBallot(SOLIS, AGAINST)).outcome())
                    .isEqualTo(Outcome.REJECTED);
        }

        @Test
        void aWrittenDecisionWithOnePartnerSilentIsNotAdopted() {
            VotingCase c = VotingCase.inWriting(convenant, DecisionType.ORDINARY, partners)
                    .withBallot(RASTER, FOR)
                    .withBallot(KERN, FOR)
                    .withBallot(MEE, FOR);
            VotingResult result = VotingEngine.decide(c);
            assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(result.quorum()).isEmpty();
            assertThat(result.explanation())
                    .last()
                    .isEqualTo("Besluit buiten vergadering: alleen met algemene stemmen"
                            + " van alle stemgerechtigde leden (het convenant, besluitvorming buiten vergadering). Voor: 3 van 4."
                            + " Geen stem van: Zorggroep Solis. Niet aangenomen.");
            assertThat(VotingEngine.decide(c.withBallot(SOLIS, FOR)).outcome()).isEqualTo(Outcome.ADOPTED);
        }
    }

    @Nested
    class DeKleineSchans {

        static final String GEMEENTE = "Gemeente Woudenberg";
        static final String MEE = "MEE";
        static final String YOUKE = "Youké";
        static final String SCHUILPLAATS = "Stichting Schuilplaats";
        static final String KWINTES = "Kwintes";

        final List<Voter> founders = List.of(new Voter(GEMEENTE, 1), new Voter(MEE, 1), new Voter(YOUKE, 1));
        final StatuteRules law = StatuteRules.cooperatie();

        /** A statute version of the coöperatie's own: the same rules with its own quorum and articles. */
        StatuteRules ownStatutes(Map<DecisionType, Share> quorum) {
            Map<String, String> articles = new HashMap<>(law.sources());
            articles.put("quorum", "artikel 9 lid 2");
            articles.put("majority.STATUTE_AMENDMENT", "artikel 21 lid 1");
            articles.put("conflict", "artikel 10 lid 4");
            return new StatuteRules(
                    false, QuorumBasis.MEMBERS, quorum, law.majority(), true, 28, 1, 7, 5, true, true, true, articles);
        }

        @Test
        void twoThirdsOfSixVotesAdoptsAStatuteAmendment() {
            // The founders, equal partners, at two votes each: the municipality and MEE for, Youké against.
            StatuteRules twoVotesEach = new StatuteRules(
                    true,
                    QuorumBasis.MEMBERS,
                    law.quorum(),
                    law.majority(),
                    true,
                    28,
                    1,
                    7,
                    5,
                    true,
                    true,
                    true,
                    law.sources());
            List<Voter> weighted = List.of(new Voter(GEMEENTE, 2), new Voter(MEE, 2), new Voter(YOUKE, 2));
            VotingResult result =
                    VotingEngine.decide(VotingCase.meeting(twoVotesEach, DecisionType.STATUTE_AMENDMENT, weighted)
                            .withBallot(GEMEENTE, FOR)
                            .withBallot(MEE, FOR)
                            .withBallot(YOUKE, AGAINST));
            assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
            assertThat(result.tally()).isEqualTo(new Tally(2, 1, 0, 4, 2, 0, 6, 6));
            assertThat(result.explanation())
                    .contains("Stemgewicht per lid: Gemeente Woudenberg 2, MEE 2, Youké 2 (artikel 2:38 lid 1 BW).")
                    .contains(
                            "Meerderheid voor een statutenwijziging: ten minste twee derde van de uitgebrachte stemmen"
                                    + " (artikel 2:43 lid 1 BW). Voor: 4, tegen: 2 (66,7 %). Aangenomen.");
        }

        @Test
        void sixtyPercentRejectsAStatuteAmendment() {
            // After Stichting Schuilplaats and Kwintes joined: five members, one vote each.
            List<Voter> five = List.of(
                    new Voter(GEMEENTE, 1),
                    new Voter(MEE, 1),
                    new Voter(YOUKE, 1),
                    new Voter(SCHUILPLAATS, 1),
                    new Voter(KWINTES, 1));
            VotingResult result = VotingEngine.decide(VotingCase.meeting(law, DecisionType.STATUTE_AMENDMENT, five)
                    .withBallot(GEMEENTE, FOR)
                    .withBallot(MEE, FOR)
                    .withBallot(YOUKE, FOR)
                    .withBallot(SCHUILPLAATS, AGAINST)
                    .withBallot(KWINTES, AGAINST));
            assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(result.explanation())
                    .contains(
                            "Meerderheid voor een statutenwijziging: ten minste twee derde van de uitgebrachte stemmen"
                                    + " (artikel 2:43 lid 1 BW). Voor: 3, tegen: 2 (60 %). Verworpen.");
            assertThat(text(result))
                    .contains("Quorum voor een statutenwijziging: geen quorum van de stemgerechtigde leden"
                            + " (de statuten; Boek 2 BW stelt geen quorum).");
        }

        @Test
        void anAbstentionIsNoVoteCast() {
            VotingResult result = VotingEngine.decide(VotingCase.meeting(law, DecisionType.STATUTE_AMENDMENT, founders)
                    .withBallot(GEMEENTE, FOR)
                    .withBallot(MEE, FOR)
                    .withBallot(YOUKE, ABSTAIN));
            assertThat(result.tally().votesCast()).isEqualTo(2);
            assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
            assertThat(result.explanation())
                    .last()
                    .asString()
                    .contains("Voor: 2, tegen: 0, onthouding: 1 (geen uitgebrachte stem) (100 %).");
        }

        @Test
        void aWrittenDecisionWithOneMemberSilentIsNotAdopted() {
            VotingResult result = VotingEngine.decide(VotingCase.inWriting(law, DecisionType.ORDINARY, founders)
                    .withBallot(GEMEENTE, FOR)
                    .withBallot(MEE, FOR));
            assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(result.explanation())
                    .last()
                    .asString()
                    .contains("(artikel 2:40 lid 2 BW)")
                    .contains("Geen stem van: Youké.")
                    .endsWith("Niet aangenomen.");
        }

        @Test
        void aWrittenDecisionIgnoresProxies() {
            VotingResult result = VotingEngine.decide(VotingCase.inWriting(law, DecisionType.ORDINARY, founders)
                    .withBallot(GEMEENTE, FOR)
                    .withBallot(MEE, FOR)
                    .withProxy(new Proxy(YOUKE, MEE, FOR)));
            assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(result.proxiesUsed()).isEmpty();
            assertThat(result.explanation())
                    .contains("Volmacht van Youké aan MEE telt niet: buiten vergadering stemt ieder lid zelf.");
        }

        @Test
        void aRecusalShrinksTheQuorumBase() {
            // The municipality is also opdrachtgever and stands aside on its own assignment.
            StatuteRules own = ownStatutes(Map.of(DecisionType.ORDINARY, Share.atLeast(1, 2)));
            VotingCase c =
                    VotingCase.meeting(own, DecisionType.ORDINARY, founders).withBallot(MEE, FOR);
            assertThat(VotingEngine.decide(c).outcome())
                    .as("1 of 3 is less than half")
                    .isEqualTo(Outcome.INVALID);

            VotingResult result = VotingEngine.decide(c.withRecused(GEMEENTE).withPresent(GEMEENTE));
            assertThat(result.quorum().orElseThrow().base()).isEqualTo(2);
            assertThat(result.quorum().orElseThrow().required()).isEqualTo(1);
            assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
            assertThat(result.tally().base()).isEqualTo(2);
            assertThat(text(result))
                    .contains(
                            "Quorum voor een gewoon besluit: ten minste de helft van de stemgerechtigde leden (artikel 9 lid 2).")
                    .contains(
                            "Gemeente Woudenberg heeft een tegenstrijdig belang en stemt niet mee; telt ook niet mee voor"
                                    + " het quorum (artikel 10 lid 4).")
                    .contains("(de statuten). Voor: 1, tegen: 0 (100 %). Aangenomen.");
        }

        @Test
        void aProxyOverTheCapIsNotCounted() {
            // MEE holds Youké's proxy (against) and the municipality's (for); the statutes allow one.
            VotingResult result = VotingEngine.decide(VotingCase.meeting(law, DecisionType.ORDINARY, founders)
                    .withBallot(MEE, FOR)
                    .withProxy(new Proxy(YOUKE, MEE, AGAINST))
                    .withProxy(new Proxy(GEMEENTE, MEE, FOR)));
            assertThat(result.proxiesUsed()).containsExactly(new Proxy(YOUKE, MEE, AGAINST));
            assertThat(result.tally()).isEqualTo(new Tally(1, 1, 0, 1, 1, 0, 2, 3));
            assertThat(result.outcome())
                    .as("1 for, 1 against is not more than half")
                    .isEqualTo(Outcome.REJECTED);
            assertThat(text(result))
                    .contains("Volmacht van Gemeente Woudenberg aan MEE telt niet: MEE mag ten hoogste 1"
                            + " ander(e) lid/leden vertegenwoordigen (de statuten).");
        }

        @Test
        void aSecondMeetingDecidesWithoutQuorum() {
            StatuteRules own = ownStatutes(Map.of(DecisionType.STATUTE_AMENDMENT, Share.atLeast(2, 3)));
            VotingCase c = VotingCase.meeting(own, DecisionType.STATUTE_AMENDMENT, founders)
                    .withBallot(MEE, FOR);
            assertThat(VotingEngine.decide(c).outcome()).isEqualTo(Outcome.INVALID);
            VotingResult second = VotingEngine.decide(c.asSecondMeeting());
            assertThat(second.outcome()).isEqualTo(Outcome.ADOPTED);
            assertThat(second.quorum().orElseThrow().met()).isFalse();
            assertThat(second.explanation())
                    .contains("Dit is de tweede vergadering: zij besluit zonder quorum (artikel 9 lid 2).")
                    .last()
                    .asString()
                    .contains("(artikel 21 lid 1)");
        }

        @Test
        void aRuleSetWithoutArticlesSaysSoInsteadOfInventingOne() {
            Map<DecisionType, Share> none = new EnumMap<>(DecisionType.class);
            StatuteRules bare = new StatuteRules(
                    false, QuorumBasis.MEMBERS, none, law.majority(), true, 28, 1, 7, 5, true, true, true);
            VotingResult result = VotingEngine.decide(VotingCase.meeting(bare, DecisionType.STATUTE_AMENDMENT, founders)
                    .withBallot(MEE, FOR)
                    .withBallot(YOUKE, FOR));
            assertThat(result.explanation()).last().asString().contains("(de statuten; geen artikel vastgelegd)");
        }
    }

    @Test
    void aMemberWhoArrivesBringsTheProxiesItHoldsIntoPlay() {
        // Why the monotonicity properties leave proxy holders out: C's arrival makes B's instructed
        // proxy count too, so one vote for and one against join 2 for and 1 against: 3 of 5 is less
        // than two thirds.
        StatuteRules law = StatuteRules.cooperatie();
        List<Voter> five =
                List.of(new Voter("A", 1), new Voter("B", 1), new Voter("C", 1), new Voter("D", 1), new Voter("E", 1));
        VotingCase before = VotingCase.meeting(law, DecisionType.STATUTE_AMENDMENT, five)
                .withBallot("A", FOR)
                .withBallot("D", FOR)
                .withBallot("E", AGAINST)
                .withProxy(new Proxy("B", "C", AGAINST));
        assertThat(VotingEngine.decide(before).outcome()).isEqualTo(Outcome.ADOPTED);
        VotingResult after = VotingEngine.decide(before.withBallot("C", FOR));
        assertThat(after.tally().votesCast()).isEqualTo(5);
        assertThat(after.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void percentagesAreRoundedHalfUpInWholeNumbers() {
        assertThat(VotingEngine.percent(4, 6)).isEqualTo("66,7");
        assertThat(VotingEngine.percent(1, 3)).isEqualTo("33,3");
        assertThat(VotingEngine.percent(3, 5)).isEqualTo("60");
        assertThat(VotingEngine.percent(1, 8)).isEqualTo("12,5");
        assertThat(VotingEngine.percent(1, 16)).as("6.25 rounds up").isEqualTo("6,3");
    }
}
