package nl.samenspel.governance.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Majority;
import nl.samenspel.governance.statute.rules.QuorumBasis;
import nl.samenspel.governance.statute.rules.Share;
import nl.samenspel.governance.statute.rules.StatuteRules;

/** Invariants of the voting engine over generated rule sets, members, attendance, ballots and proxies. */
class VotingPropertiesTest {

    static final List<String> POOL = List.of("A", "B", "C", "D", "E", "F");
    /** Not a member: ballots and proxies naming it must change nothing. */
    static final String OUTSIDER = "Z";

    @Provide
    Arbitrary<VotingCase> cases() {
        return Combinators.combine(
                        rules(),
                        Arbitraries.of(DecisionType.class),
                        Arbitraries.of(Setting.class),
                        Arbitraries.frequencyOf(
                                        Tuple.of(1, Arbitraries.just(0)),
                                        Tuple.of(9, Arbitraries.integers().between(1, 5)))
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(POOL.size()),
                        Arbitraries.of(true, false))
                .flatAs((rules, type, setting, weights, second) -> {
                    List<Voter> voters = new ArrayList<>();
                    for (int i = 0; i < weights.size(); i++) {
                        voters.add(new Voter(POOL.get(i), weights.get(i)));
                    }
                    List<String> names = voters.stream().map(Voter::member).toList();
                    List<String> anyone =
                            Stream.concat(names.stream(), Stream.of(OUTSIDER)).toList();
                    Arbitrary<Set<String>> present = Arbitraries.of(names).set().ofMaxSize(names.size());
                    // Per member (and the outsider): no ballot, for, against or abstain, mostly for.
                    Arbitrary<Map<String, Choice>> ballots = Arbitraries.frequency(
                                    Tuple.of(3, "-"),
                                    Tuple.of(4, "FOR"),
                                    Tuple.of(2, "AGAINST"),
                                    Tuple.of(1, "ABSTAIN"))
                            .list()
                            .ofSize(anyone.size())
                            .map(picks -> {
                                Map<String, Choice> map = new HashMap<>();
                                for (int i = 0; i < anyone.size(); i++) {
                                    if (!picks.get(i).equals("-")
                                            && (i < names.size() || picks.get(i).equals("AGAINST"))) {
                                        map.put(anyone.get(i), Choice.valueOf(picks.get(i)));
                                    }
                                }
                                return map;
                            });
                    Arbitrary<List<Proxy>> proxies = Combinators.combine(
                                    Arbitraries.of(anyone),
                                    Arbitraries.of(anyone),
                                    Arbitraries.of(Choice.class).injectNull(0.4))
                            .as(Proxy::new)
                            .list()
                            .ofMaxSize(3);
                    Arbitrary<Set<String>> recused =
                            Arbitraries.of(anyone).set().ofMaxSize(2);
                    return Combinators.combine(present, ballots, proxies, recused)
                            .as((p, b, x, r) -> new VotingCase(rules, type, setting, voters, p, b, x, r, second));
                });
    }

    Arbitrary<StatuteRules> rules() {
        Arbitrary<Share> share = Arbitraries.of(
                Share.NONE, Share.moreThan(1, 2), Share.atLeast(1, 2), Share.atLeast(2, 3), Share.atLeast(1, 1));
        Arbitrary<Map<DecisionType, Share>> quorum =
                Arbitraries.maps(Arbitraries.of(DecisionType.class), share).ofMaxSize(DecisionType.values().length);
        Arbitrary<Map<DecisionType, Majority>> majority = Arbitraries.maps(
                        Arbitraries.of(DecisionType.class), Arbitraries.of(Majority.class))
                .ofMaxSize(DecisionType.values().length);
        return Combinators.combine(
                        Arbitraries.of(true, false).list().ofSize(6),
                        Arbitraries.of(QuorumBasis.class),
                        quorum,
                        majority,
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(
                                StatuteRules.cooperatie().sources(),
                                StatuteRules.samenwerkingsverband().sources(),
                                Map.<String, String>of()))
                .as((flags, basis, q, m, cap, sources) -> new StatuteRules(
                        flags.get(0),
                        basis,
                        q,
                        m,
                        flags.get(1),
                        14,
                        cap,
                        7,
                        5,
                        flags.get(2),
                        flags.get(3),
                        flags.get(4),
                        sources));
    }

    @Property
    void theOrderOfMembersAndVotesNeverMatters(@ForAll("cases") VotingCase c, @ForAll Random random) {
        List<Voter> voters = new ArrayList<>(c.voters());
        Collections.shuffle(voters, random);
        List<String> present = new ArrayList<>(c.present());
        Collections.shuffle(present, random);
        VotingCase shuffled = new VotingCase(
                c.rules(),
                c.type(),
                c.setting(),
                voters,
                new LinkedHashSet<>(present),
                new HashMap<>(c.ballots()),
                c.proxies(),
                c.recused(),
                c.secondMeeting());
        VotingResult a = VotingEngine.decide(c);
        VotingResult b = VotingEngine.decide(shuffled);
        assertThat(b.outcome()).isEqualTo(a.outcome());
        assertThat(b.tally()).isEqualTo(a.tally());
        assertThat(b.votes()).isEqualTo(a.votes());
        assertThat(b.proxiesUsed()).isEqualTo(a.proxiesUsed());
        assertThat(b.quorum().map(q -> List.of(q.met(), q.present(), q.base())))
                .isEqualTo(a.quorum().map(q -> List.of(q.met(), q.present(), q.base())));
    }

    @Property
    void aRecusedMemberNeverCounts(@ForAll("cases") VotingCase c) {
        VotingResult result = VotingEngine.decide(c);
        for (String member : c.recused()) {
            assertThat(result.votes()).doesNotContainKey(member);
            assertThat(result.proxiesUsed())
                    .noneMatch(p -> p.grantor().equals(member) || p.holder().equals(member));
            if (!isMember(c, member)) {
                continue;
            }
            // Whatever it votes, as long as it is in the room, nothing changes.
            VotingCase there = c.withPresent(member);
            VotingResult reference = VotingEngine.decide(there.withoutBallot(member));
            for (Choice choice : Choice.values()) {
                VotingResult voted = VotingEngine.decide(there.withBallot(member, choice));
                assertThat(voted.tally()).isEqualTo(reference.tally());
                assertThat(voted.outcome()).isEqualTo(reference.outcome());
            }
        }
    }

    @Property
    void weightsSumCorrectly(@ForAll("cases") VotingCase c) {
        VotingResult result = VotingEngine.decide(c);
        Map<String, Integer> weight = new HashMap<>();
        c.voters().forEach(v -> weight.put(v.member(), c.rules().weightsPerMember() ? v.weight() : 1));
        long[] sum = new long[3];
        int[] count = new int[3];
        result.votes().forEach((member, choice) -> {
            sum[choice.ordinal()] += weight.get(member);
            count[choice.ordinal()]++;
        });
        Tally t = result.tally();
        assertThat(new long[] {t.forWeight(), t.againstWeight(), t.abstainWeight()})
                .containsExactly(sum);
        assertThat(new int[] {t.forCount(), t.againstCount(), t.abstainCount()}).containsExactly(count);
        long base = c.voters().stream()
                .filter(v -> !c.recused().contains(v.member()))
                .mapToLong(v -> weight.get(v.member()))
                .sum();
        assertThat(t.base()).isEqualTo(base);
        assertThat(t.forWeight() + t.againstWeight() + t.abstainWeight()).isLessThanOrEqualTo(base);
    }

    @Property
    void theVotesCastAreForPlusAgainst(@ForAll("cases") VotingCase c) {
        Tally t = VotingEngine.decide(c).tally();
        assertThat(t.votesCast()).isEqualTo(t.forWeight() + t.againstWeight());
    }

    @Property
    void aMemberIsCountedAtMostOnceWhateverTheProxiesSay(@ForAll("cases") VotingCase c) {
        VotingResult result = VotingEngine.decide(c);
        assertThat(result.votes().keySet())
                .allMatch(m -> isMember(c, m) && !c.recused().contains(m));
        Tally t = result.tally();
        assertThat(t.forCount() + t.againstCount() + t.abstainCount())
                .isEqualTo(result.votes().size());
        assertThat(result.proxiesUsed().stream().map(Proxy::grantor).distinct().count())
                .isEqualTo(result.proxiesUsed().size());
        assertThat(result.proxiesUsed())
                .allMatch(p ->
                        !c.ballots().containsKey(p.grantor()) && !c.present().contains(p.grantor()));
        Map<String, Long> held = new HashMap<>();
        result.proxiesUsed().forEach(p -> held.merge(p.holder(), 1L, Long::sum));
        assertThat(held.values()).allMatch(n -> n <= c.rules().proxyCapPerHolder());
        if (c.setting() == Setting.IN_WRITING) {
            assertThat(result.proxiesUsed()).isEmpty();
        }
    }

    @Property
    void invalidExactlyWhenAMeetingMissesItsQuorumAndMayNotGoOnWithout(@ForAll("cases") VotingCase c) {
        VotingResult result = VotingEngine.decide(c);
        if (c.setting() == Setting.IN_WRITING) {
            assertThat(result.quorum()).isEmpty();
            assertThat(result.outcome()).isNotEqualTo(Outcome.INVALID);
            return;
        }
        Statistics.collect(result.outcome());
        boolean missed = !result.quorum().orElseThrow().met();
        boolean rescued = c.secondMeeting() && c.rules().secondMeetingWithoutQuorum();
        assertThat(result.outcome() == Outcome.INVALID).isEqualTo(missed && !rescued);
    }

    @Property
    void anAbstentionNeverTurnsARejectionIntoAnAdoptionUnderSimpleMajority(@ForAll("cases") VotingCase c) {
        VotingCase simple = c.withRules(withMajority(c.rules(), c.type(), Majority.SIMPLE));
        VotingResult before = VotingEngine.decide(simple);
        Statistics.label("bystanders").collect(silentBystanders(simple).size());
        Statistics.label("outcome").collect(before.outcome());
        for (String member : silentBystanders(simple)) {
            VotingResult after = VotingEngine.decide(simple.withBallot(member, Choice.ABSTAIN));
            if (before.outcome() == Outcome.REJECTED) {
                assertThat(after.outcome()).isNotEqualTo(Outcome.ADOPTED);
            }
        }
    }

    @Property
    void anExtraVoteForNeverTurnsAnAdoptionIntoARejection(@ForAll("cases") VotingCase c) {
        VotingResult before = VotingEngine.decide(c);
        for (String member : silentBystanders(c)) {
            VotingResult after = VotingEngine.decide(c.withBallot(member, Choice.FOR));
            if (before.outcome() == Outcome.ADOPTED) {
                assertThat(after.outcome()).isEqualTo(Outcome.ADOPTED);
            }
        }
    }

    @Property
    void aWrittenDecisionThatMustBeUnanimousNeedsEveryMemberFor(@ForAll("cases") VotingCase c) {
        if (c.setting() != Setting.IN_WRITING || !c.rules().writtenDecisionsUnanimous()) {
            return;
        }
        List<String> entitled = c.voters().stream()
                .map(Voter::member)
                .filter(m -> !c.recused().contains(m))
                .toList();
        boolean everyoneFor = !entitled.isEmpty()
                && entitled.stream().allMatch(m -> c.ballots().get(m) == Choice.FOR);
        assertThat(VotingEngine.decide(c).outcome() == Outcome.ADOPTED).isEqualTo(everyoneFor);
    }

    @Property
    void theDecisiveLineNamesItsArticle(@ForAll("cases") VotingCase c) {
        VotingResult result = VotingEngine.decide(c);
        if (result.outcome() == Outcome.INVALID) {
            return;
        }
        String rule = c.setting() == Setting.IN_WRITING && c.rules().writtenDecisionsUnanimous()
                ? StatuteRules.WRITTEN
                : StatuteRules.MAJORITY;
        String source = c.rules().source(rule, c.type()).orElse("de statuten; geen artikel vastgelegd");
        assertThat(result.explanation()).last().asString().contains("(" + source + ")");
    }

    static boolean isMember(VotingCase c, String member) {
        return c.voters().stream().anyMatch(v -> v.member().equals(member));
    }

    /** Members entitled to vote who cast nothing and neither give nor hold a proxy. */
    static List<String> silentBystanders(VotingCase c) {
        return c.voters().stream()
                .map(Voter::member)
                .filter(m -> !c.recused().contains(m) && !c.ballots().containsKey(m))
                .filter(m -> c.proxies().stream()
                        .noneMatch(p -> p.grantor().equals(m) || p.holder().equals(m)))
                .toList();
    }

    static StatuteRules withMajority(StatuteRules rules, DecisionType type, Majority majority) {
        Map<DecisionType, Majority> changed = new EnumMap<>(rules.majority());
        changed.put(type, majority);
        return new StatuteRules(
                rules.weightsPerMember(),
                rules.quorumBasis(),
                rules.quorum(),
                changed,
                rules.secondMeetingWithoutQuorum(),
                rules.secondMeetingWithinDays(),
                rules.proxyCapPerHolder(),
                rules.convocationDays(),
                rules.amendmentTextDays(),
                rules.abstentionsCountTowardQuorum(),
                rules.conflictOfInterestExcluded(),
                rules.writtenDecisionsUnanimous(),
                rules.sources());
    }
}
