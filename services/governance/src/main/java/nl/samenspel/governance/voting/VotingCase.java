package nl.samenspel.governance.voting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.StatuteRules;

/**
 * Everything the engine needs to decide one proposal: the statute version in force on the decision
 * date, the members entitled to vote, and what happened.
 *
 * @param present       members present at the meeting (a member who casts a ballot is present too);
 *                      ignored for a decision in writing
 * @param ballots       each member's own vote
 * @param proxies       in the order they were lodged, which decides which count when a holder has
 *                      more than the statutes allow
 * @param recused       members with a declared conflict of interest on this decision
 * @param secondMeeting the meeting called again because the first lacked quorum
 */
public record VotingCase(
        StatuteRules rules,
        DecisionType type,
        Setting setting,
        List<Voter> voters,
        Set<String> present,
        Map<String, Choice> ballots,
        List<Proxy> proxies,
        Set<String> recused,
        boolean secondMeeting) {

    public VotingCase {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(setting, "setting");
        voters = List.copyOf(voters);
        Set<String> names = new HashSet<>();
        for (Voter voter : voters) {
            if (!names.add(voter.member())) {
                throw new IllegalArgumentException("a member is entitled to vote once: " + voter.member());
            }
        }
        present = Set.copyOf(present);
        ballots = Map.copyOf(ballots);
        proxies = List.copyOf(proxies);
        recused = Set.copyOf(recused);
    }

    public static VotingCase meeting(StatuteRules rules, DecisionType type, List<Voter> voters) {
        return new VotingCase(rules, type, Setting.MEETING, voters, Set.of(), Map.of(), List.of(), Set.of(), false);
    }

    public static VotingCase inWriting(StatuteRules rules, DecisionType type, List<Voter> voters) {
        return new VotingCase(rules, type, Setting.IN_WRITING, voters, Set.of(), Map.of(), List.of(), Set.of(), false);
    }

    public VotingCase withPresent(String... members) {
        Set<String> more = new LinkedHashSet<>(present);
        more.addAll(Arrays.asList(members));
        return new VotingCase(rules, type, setting, voters, more, ballots, proxies, recused, secondMeeting);
    }

    public VotingCase withBallot(String member, Choice choice) {
        Map<String, Choice> more = new LinkedHashMap<>(ballots);
        more.put(member, choice);
        return new VotingCase(rules, type, setting, voters, present, more, proxies, recused, secondMeeting);
    }

    public VotingCase withoutBallot(String member) {
        Map<String, Choice> fewer = new LinkedHashMap<>(ballots);
        fewer.remove(member);
        return new VotingCase(rules, type, setting, voters, present, fewer, proxies, recused, secondMeeting);
    }

    public VotingCase withProxy(Proxy proxy) {
        List<Proxy> more = new ArrayList<>(proxies);
        more.add(proxy);
        return new VotingCase(rules, type, setting, voters, present, ballots, more, recused, secondMeeting);
    }

    public VotingCase withRecused(String... members) {
        Set<String> more = new LinkedHashSet<>(recused);
        more.addAll(Arrays.asList(members));
        return new VotingCase(rules, type, setting, voters, present, ballots, proxies, more, secondMeeting);
    }

    public VotingCase asSecondMeeting() {
        return new VotingCase(rules, type, setting, voters, present, ballots, proxies, recused, true);
    }

    public VotingCase withRules(StatuteRules other) {
        return new VotingCase(other, type, setting, voters, present, ballots, proxies, recused, secondMeeting);
    }
}
