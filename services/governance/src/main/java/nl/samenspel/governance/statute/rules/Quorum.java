package nl.samenspel.governance.statute.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a meeting has the quorum the statutes ask for a decision type, from attendance alone, with
 * every rule it applied written out so a secretary can read why.
 */
public final class Quorum {

    private Quorum() {}

    public enum Attendance {
        PRESENT,
        ABSENT,
        /** Represented by another member holding its written proxy (volmacht). */
        REPRESENTED
    }

    /** A member entitled to vote, with its weight (1 under equal votes). */
    public record Voter(String name, int weight) {}

    public record Result(
            boolean met, long present, long base, long required, DecisionType type, List<String> explanation) {}

    /**
     * @param voters      the members entitled to vote in this body
     * @param attendance  per member name; a missing name is absent
     * @param proxyHolder for each REPRESENTED member, the member holding its proxy; a proxy counts only
     *                    when its holder is present and holds no more than the statutes' cap
     * @param recused     members with a declared conflict of interest on this decision
     * @param abstaining  members present who announced they abstain (only matters when abstentions do
     *                    not count toward quorum)
     */
    public static Result of(
            StatuteRules rules,
            DecisionType type,
            List<Voter> voters,
            Map<String, Attendance> attendance,
            Map<String, String> proxyHolder,
            Set<String> recused,
            Set<String> abstaining) {
        List<String> why = new ArrayList<>();
        Share share = rules.quorumFor(type);
        boolean byWeight = rules.quorumBasis() == QuorumBasis.WEIGHTS;
        why.add("Quorum voor " + dutch(type) + ": " + share.dutch() + " van de "
                + (byWeight ? "stemgewichten" : "stemgerechtigde leden")
                + rules.source(StatuteRules.QUORUM, type)
                        .map(s -> " (" + s + ")")
                        .orElse("") + ".");
        long base = 0;
        long present = 0;
        Map<String, Integer> held = new java.util.HashMap<>();
        for (Voter voter : voters) {
            long count = byWeight ? (rules.weightsPerMember() ? voter.weight() : 1) : 1;
            if (rules.conflictOfInterestExcluded() && recused.contains(voter.name())) {
                why.add(voter.name() + " heeft een tegenstrijdig belang en telt niet mee.");
                continue;
            }
            base += count;
            Attendance a = attendance.getOrDefault(voter.name(), Attendance.ABSENT);
            if (a == Attendance.ABSENT) {
                continue;
            }
            if (!rules.abstentionsCountTowardQuorum() && abstaining.contains(voter.name())) {
                why.add(voter.name() + " onthoudt zich en telt volgens de statuten niet mee voor het quorum.");
                continue;
            }
            if (a == Attendance.REPRESENTED) {
                String holder = proxyHolder.get(voter.name());
                if (holder == null || attendance.getOrDefault(holder, Attendance.ABSENT) != Attendance.PRESENT) {
                    why.add(voter.name() + " gaf een volmacht aan wie niet aanwezig is; telt als afwezig.");
                    continue;
                }
                int count2 = held.merge(holder, 1, Integer::sum);
                if (count2 > rules.proxyCapPerHolder()) {
                    why.add(holder + " heeft al " + rules.proxyCapPerHolder() + " volmacht(en), het maximum; "
                            + voter.name() + " telt als afwezig.");
                    continue;
                }
                why.add(voter.name() + " is vertegenwoordigd door " + holder + " en telt als aanwezig.");
            }
            present += count;
        }
        long required = share.minimumOf(base);
        boolean met = share.reachedBy(present, base);
        why.add("Aanwezig of vertegenwoordigd: " + present + " van " + base + "; nodig: " + required + ".");
        if (!met && rules.secondMeetingWithoutQuorum()) {
            why.add("Geen quorum: een tweede vergadering binnen " + rules.secondMeetingWithinDays()
                    + " dagen kan besluiten, ongeacht het aantal aanwezigen.");
        }
        why.add(met ? "Het quorum is gehaald." : "Het quorum is niet gehaald.");
        return new Result(met, present, base, required, type, List.copyOf(why));
    }

    /** The type of decision in Dutch, as it follows "voor" in a sentence. */
    public static String dutch(DecisionType type) {
        return switch (type) {
            case ORDINARY -> "een gewoon besluit";
            case BUDGET -> "de begroting";
            case ADMISSION -> "toelating van een lid";
            case PENVOERDER_APPOINTMENT -> "benoeming van de penvoerder";
            case STATUTE_AMENDMENT -> "een statutenwijziging";
            case DISSOLUTION -> "ontbinding";
        };
    }
}
