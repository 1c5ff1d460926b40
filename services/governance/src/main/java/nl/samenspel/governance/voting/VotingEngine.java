package nl.samenspel.governance.voting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Majority;
import nl.samenspel.governance.statute.rules.Quorum;
import nl.samenspel.governance.statute.rules.Share;
import nl.samenspel.governance.statute.rules.StatuteRules;

/**
 * Decides a proposal from the statute rules in force and the votes, and writes out in Dutch every rule
 * it applied with the article it comes from. Plain Java: no framework, no clock, no I/O.
 */
public final class VotingEngine {

    private static final Share MORE_THAN_HALF = Share.moreThan(1, 2);
    private static final Share TWO_THIRDS = Share.atLeast(2, 3);

    private VotingEngine() {}

    public static VotingResult decide(VotingCase c) {
        return new Run(c).decide();
    }

    private static final class Run {
        final VotingCase c;
        final StatuteRules rules;
        final DecisionType type;
        final boolean meeting;
        final List<String> why = new ArrayList<>();
        final Map<String, Voter> eligible = new LinkedHashMap<>();
        final Set<String> recused = new LinkedHashSet<>();
        /** Members present or casting a ballot, at a meeting. */
        final Set<String> attending = new LinkedHashSet<>();

        final Map<String, Proxy> represented = new LinkedHashMap<>();
        final Map<String, Choice> votes = new LinkedHashMap<>();

        Run(VotingCase c) {
            this.c = c;
            this.rules = c.rules();
            this.type = c.type();
            this.meeting = c.setting() == Setting.MEETING;
            for (Voter voter : c.voters()) {
                eligible.put(voter.member(), voter);
                if (c.recused().contains(voter.member())) {
                    recused.add(voter.member());
                }
            }
        }

        VotingResult decide() {
            why.add("Besluit over " + Quorum.dutch(type) + " "
                    + (meeting
                            ? c.secondMeeting() ? "in een tweede vergadering." : "in een vergadering."
                            : "buiten vergadering (schriftelijk)."));
            explainWeights();
            explainRecusals();
            explainStrayBallots();
            Optional<Quorum.Result> quorum = Optional.empty();
            boolean valid = true;
            if (meeting) {
                for (String member : eligible.keySet()) {
                    if (c.present().contains(member) || c.ballots().containsKey(member)) {
                        attending.add(member);
                    }
                }
                applyProxies();
                countVotes();
                Quorum.Result q = quorum();
                quorum = Optional.of(q);
                valid = q.met() || (c.secondMeeting() && rules.secondMeetingWithoutQuorum());
                if (!q.met() && c.secondMeeting()) {
                    why.add(
                            rules.secondMeetingWithoutQuorum()
                                    ? "Dit is de tweede vergadering: zij besluit zonder quorum" + cite(quorumSource())
                                            + "."
                                    : "Ook in een tweede vergadering is het quorum nodig" + cite(quorumSource()) + ".");
                }
            } else {
                for (Proxy proxy : c.proxies()) {
                    why.add("Volmacht van " + proxy.grantor() + " aan " + proxy.holder()
                            + " telt niet: buiten vergadering stemt ieder lid zelf.");
                }
                countVotes();
            }
            Tally tally = tally();
            Outcome outcome;
            if (!valid) {
                why.add("Zonder quorum kan de vergadering niet besluiten: het besluit is ongeldig, niet verworpen.");
                outcome = Outcome.INVALID;
            } else if (!meeting && rules.writtenDecisionsUnanimous()) {
                outcome = unanimousInWriting(tally);
            } else {
                if (!meeting) {
                    why.add("Buiten vergadering geldt de gewone meerderheid; algemene stemmen zijn niet vereist"
                            + cite(rules.source(StatuteRules.WRITTEN)) + ".");
                }
                outcome = majority(tally);
            }
            return new VotingResult(
                    outcome,
                    tally,
                    Map.copyOf(votes),
                    quorum,
                    List.copyOf(represented.values()),
                    List.copyOf(recused),
                    List.copyOf(why));
        }

        private void explainWeights() {
            if (rules.weightsPerMember()) {
                why.add("Stemgewicht per lid: "
                        + eligible.values().stream()
                                .map(v -> v.member() + " " + v.weight())
                                .collect(Collectors.joining(", "))
                        + cite(rules.source(StatuteRules.WEIGHTS)) + ".");
            } else {
                why.add("Ieder lid heeft één stem" + cite(rules.source(StatuteRules.WEIGHTS)) + ".");
            }
        }

        private void explainRecusals() {
            for (String member : recused) {
                why.add(member + " heeft een tegenstrijdig belang en stemt niet mee"
                        + (!meeting
                                ? ""
                                : rules.conflictOfInterestExcluded()
                                        ? "; telt ook niet mee voor het quorum"
                                        : "; de statuten laten het wel meetellen voor het quorum")
                        + cite(rules.source(StatuteRules.CONFLICT)) + ".");
            }
        }

        private void explainStrayBallots() {
            c.ballots().keySet().stream()
                    .filter(member -> !eligible.containsKey(member))
                    .sorted()
                    .forEach(member -> why.add("De stem van " + member + " telt niet: geen stemgerechtigd lid."));
        }

        private void applyProxies() {
            Map<String, Integer> held = new HashMap<>();
            Optional<String> source = rules.source(StatuteRules.PROXY);
            for (Proxy p : c.proxies()) {
                String g = p.grantor();
                String h = p.holder();
                String head = "Volmacht van " + g + " aan " + h;
                if (!eligible.containsKey(g)) {
                    why.add(head + " telt niet: " + g + " is geen stemgerechtigd lid.");
                } else if (represented.containsKey(g)) {
                    why.add(head + " telt niet: " + g + " is al vertegenwoordigd door "
                            + represented.get(g).holder() + ".");
                } else if (recused.contains(g)) {
                    why.add(head + " telt niet: " + g + " heeft een tegenstrijdig belang.");
                } else if (attending.contains(g)) {
                    why.add(g + (c.ballots().containsKey(g) ? " stemt zelf" : " is zelf aanwezig")
                            + "; de volmacht aan " + h + " vervalt.");
                } else if (g.equals(h) || !eligible.containsKey(h)) {
                    why.add(head + " telt niet: " + h + " is geen ander stemgerechtigd lid.");
                } else if (!attending.contains(h)) {
                    why.add(head + " telt niet: " + h + " is niet aanwezig.");
                } else if (recused.contains(h)) {
                    why.add(head + " telt niet: " + h
                            + " neemt wegens tegenstrijdig belang niet deel aan de stemming.");
                } else if (held.getOrDefault(h, 0) >= rules.proxyCapPerHolder()) {
                    why.add(head + " telt niet: " + h + " mag ten hoogste " + rules.proxyCapPerHolder()
                            + " ander(e) lid/leden vertegenwoordigen" + cite(source) + ".");
                } else {
                    held.merge(h, 1, Integer::sum);
                    represented.put(g, p);
                    why.add(g + " is vertegenwoordigd door " + h + cite(source) + "; " + proxyVote(p) + ".");
                }
            }
        }

        private String proxyVote(Proxy p) {
            if (p.instruction() != null) {
                return "stemt volgens de steminstructie: " + p.instruction().dutch();
            }
            Choice holder = c.ballots().get(p.holder());
            return holder == null
                    ? "vrije volmacht en " + p.holder() + " stemt niet, dus " + p.grantor() + " ook niet"
                    : "vrije volmacht, stemt als " + p.holder() + ": " + holder.dutch();
        }

        private void countVotes() {
            for (String member : eligible.keySet()) {
                if (recused.contains(member)) {
                    continue;
                }
                Choice own = c.ballots().get(member);
                if (own != null) {
                    votes.put(member, own);
                } else if (represented.containsKey(member)) {
                    Proxy p = represented.get(member);
                    Choice cast = p.instruction() != null
                            ? p.instruction()
                            : c.ballots().get(p.holder());
                    if (cast != null) {
                        votes.put(member, cast);
                    }
                }
            }
        }

        private Quorum.Result quorum() {
            List<Quorum.Voter> voters = new ArrayList<>();
            Map<String, Quorum.Attendance> attendance = new HashMap<>();
            Map<String, String> holders = new HashMap<>();
            for (Voter voter : eligible.values()) {
                String m = voter.member();
                voters.add(new Quorum.Voter(m, voter.weight()));
                if (attending.contains(m)) {
                    attendance.put(m, Quorum.Attendance.PRESENT);
                } else if (represented.containsKey(m)) {
                    attendance.put(m, Quorum.Attendance.REPRESENTED);
                    holders.put(m, represented.get(m).holder());
                }
            }
            Set<String> abstaining = votes.entrySet().stream()
                    .filter(e -> e.getValue() == Choice.ABSTAIN)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            // The engine has already held proxies to the cap, in the order they were lodged.
            Quorum.Result q = Quorum.of(rules, type, voters, attendance, holders, recused, abstaining);
            why.addAll(q.explanation());
            return q;
        }

        private Tally tally() {
            int[] count = new int[3];
            long[] weight = new long[3];
            votes.forEach((member, choice) -> {
                count[choice.ordinal()]++;
                weight[choice.ordinal()] += votesOf(member);
            });
            long base = 0;
            for (String member : eligible.keySet()) {
                if (!recused.contains(member)) {
                    base += votesOf(member);
                }
            }
            return new Tally(
                    count[0], count[1], count[2], weight[0], weight[1], weight[2], weight[0] + weight[1], base);
        }

        private long votesOf(String member) {
            return rules.weightsPerMember() ? eligible.get(member).weight() : 1;
        }

        private Outcome unanimousInWriting(Tally tally) {
            List<String> silent = new ArrayList<>();
            List<String> notFor = new ArrayList<>();
            for (String member : eligible.keySet()) {
                if (recused.contains(member)) {
                    continue;
                }
                Choice vote = votes.get(member);
                if (vote == null) {
                    silent.add(member);
                } else if (vote != Choice.FOR) {
                    notFor.add(member + " (" + vote.dutch() + ")");
                }
            }
            int entitled = eligible.size() - recused.size();
            boolean adopted = entitled > 0 && silent.isEmpty() && notFor.isEmpty();
            StringBuilder line = new StringBuilder("Besluit buiten vergadering: alleen met algemene stemmen van alle "
                    + "stemgerechtigde leden" + cite(rules.source(StatuteRules.WRITTEN)) + ". Voor: "
                    + tally.forCount() + " van " + entitled + ".");
            if (!silent.isEmpty()) {
                line.append(" Geen stem van: ")
                        .append(String.join(", ", silent))
                        .append('.');
            }
            if (!notFor.isEmpty()) {
                line.append(" Niet voor: ").append(String.join(", ", notFor)).append('.');
            }
            line.append(adopted ? " Aangenomen." : " Niet aangenomen.");
            why.add(line.toString());
            return adopted ? Outcome.ADOPTED : Outcome.REJECTED;
        }

        private Outcome majority(Tally tally) {
            Majority majority = rules.majorityFor(type);
            long inFavour = tally.forWeight();
            long against = tally.againstWeight();
            long cast = tally.votesCast();
            List<String> absent = new ArrayList<>();
            List<String> objecting = new ArrayList<>();
            for (String member : eligible.keySet()) {
                if (recused.contains(member)) {
                    continue;
                }
                boolean there = meeting
                        ? attending.contains(member) || represented.containsKey(member)
                        : votes.containsKey(member);
                if (!there) {
                    absent.add(member);
                }
                if (votes.get(member) == Choice.AGAINST) {
                    objecting.add(member);
                }
            }
            boolean adopted =
                    switch (majority) {
                        case SIMPLE -> cast > 0 && MORE_THAN_HALF.reachedBy(inFavour, cast);
                        case TWO_THIRDS -> cast > 0 && TWO_THIRDS.reachedBy(inFavour, cast);
                        case UNANIMITY -> inFavour > 0 && against == 0 && absent.isEmpty();
                        case CONSENT -> objecting.isEmpty();
                    };
            StringBuilder line = new StringBuilder("Meerderheid voor " + Quorum.dutch(type) + ": " + dutch(majority)
                    + cite(rules.source(StatuteRules.MAJORITY, type)) + ". ");
            line.append("Voor: ").append(inFavour).append(", tegen: ").append(against);
            if (tally.abstainWeight() > 0) {
                line.append(", onthouding: ").append(tally.abstainWeight()).append(" (geen uitgebrachte stem)");
            }
            line.append(cast > 0 ? " (" + percent(inFavour, cast) + " %)." : "; er zijn geen stemmen uitgebracht.");
            if (majority == Majority.UNANIMITY && !absent.isEmpty()) {
                line.append(" Afwezig: ").append(String.join(", ", absent)).append('.');
            }
            if (majority == Majority.CONSENT && !objecting.isEmpty()) {
                line.append(" Bezwaar van: ")
                        .append(String.join(", ", objecting))
                        .append('.');
            }
            line.append(adopted ? " Aangenomen." : " Verworpen.");
            why.add(line.toString());
            return adopted ? Outcome.ADOPTED : Outcome.REJECTED;
        }

        private Optional<String> quorumSource() {
            return rules.source(StatuteRules.QUORUM, type);
        }
    }

    static String dutch(Majority majority) {
        return switch (majority) {
            case SIMPLE -> "meer dan de helft van de uitgebrachte stemmen";
            case TWO_THIRDS -> "ten minste twee derde van de uitgebrachte stemmen";
            case UNANIMITY -> "alle uitgebrachte stemmen voor en geen stemgerechtigd lid afwezig";
            case CONSENT -> "aangenomen tenzij een stemgerechtigd lid tegen stemt";
        };
    }

    /** The article in brackets, or a plain pointer to the statutes when this rule set names none. */
    static String cite(Optional<String> source) {
        return " (" + source.orElse("de statuten; geen artikel vastgelegd") + ")";
    }

    /** {@code part / whole} as a Dutch percentage to one decimal, rounded half up in whole numbers. */
    static String percent(long part, long whole) {
        long tenths = (part * 2000 + whole) / (2 * whole);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "," + tenths % 10;
    }
}
