package nl.samenspel.governance.statute.rules;

import java.util.EnumMap;
import java.util.Map;

/**
 * The voting rules a statute version implies, as data the product acts on. The defaults per template
 * follow Dutch law for a coöperatie (BW Boek 2) and common covenant practice for a
 * samenwerkingsverband; a coalition changes them by adopting a new statute version.
 *
 * @param weightsPerMember        false: one member one vote (gelijkwaardig partnerschap)
 * @param quorumBasis             members or weights present
 * @param quorum                  per decision type; {@link Share#NONE} when the statutes set none
 * @param majority                per decision type
 * @param secondMeetingWithoutQuorum a second meeting (within {@code secondMeetingWithinDays}) decides
 *                                whatever the attendance, when the first lacked quorum
 * @param proxyCapPerHolder       how many other members one holder may represent
 * @param convocationDays         days between convocation and meeting, at least
 * @param amendmentTextDays       days before the meeting the text of an amendment must be available
 * @param abstentionsCountTowardQuorum whether a member present who abstains counts as present
 * @param conflictOfInterestExcluded whether a conflicted member leaves the vote and the quorum base
 * @param writtenDecisionsUnanimous decisions outside a meeting need every member entitled to vote
 */
public record StatuteRules(
        boolean weightsPerMember,
        QuorumBasis quorumBasis,
        Map<DecisionType, Share> quorum,
        Map<DecisionType, Majority> majority,
        boolean secondMeetingWithoutQuorum,
        int secondMeetingWithinDays,
        int proxyCapPerHolder,
        int convocationDays,
        int amendmentTextDays,
        boolean abstentionsCountTowardQuorum,
        boolean conflictOfInterestExcluded,
        boolean writtenDecisionsUnanimous) {

    public StatuteRules {
        quorum = Map.copyOf(complete(quorum, Share.NONE));
        majority = Map.copyOf(complete(majority, Majority.SIMPLE));
        if (proxyCapPerHolder < 0 || convocationDays < 0 || amendmentTextDays < 0 || secondMeetingWithinDays < 0) {
            throw new IllegalArgumentException("counts of days and proxies cannot be negative");
        }
    }

    public Share quorumFor(DecisionType type) {
        return quorum.get(type);
    }

    public Majority majorityFor(DecisionType type) {
        return majority.get(type);
    }

    /**
     * Coöperatie U.A. under BW Boek 2: no quorum unless the statutes set one; a statute amendment needs
     * two thirds of the votes cast (2:42 lid 2) and its text available five days ahead (2:42 lid 1);
     * convocation at least seven days ahead (2:41 with the statutes); decisions outside a meeting
     * unanimous (2:40 lid 2). Dissolution follows the amendment majority (2:19 with 2:42).
     */
    public static StatuteRules cooperatie() {
        Map<DecisionType, Majority> majority = new EnumMap<>(DecisionType.class);
        majority.put(DecisionType.STATUTE_AMENDMENT, Majority.TWO_THIRDS);
        majority.put(DecisionType.DISSOLUTION, Majority.TWO_THIRDS);
        return new StatuteRules(false, QuorumBasis.MEMBERS, Map.of(), majority, true, 28, 1, 7, 5, true, true, true);
    }

    /**
     * Samenwerkingsverband on a covenant: equal partners, more than half present for any decision,
     * and what changes the partnership itself (a new partner, the covenant, ending it) only together.
     */
    public static StatuteRules samenwerkingsverband() {
        Map<DecisionType, Share> quorum = new EnumMap<>(DecisionType.class);
        for (DecisionType type : DecisionType.values()) {
            quorum.put(type, Share.moreThan(1, 2));
        }
        Map<DecisionType, Majority> majority = new EnumMap<>(DecisionType.class);
        majority.put(DecisionType.ADMISSION, Majority.UNANIMITY);
        majority.put(DecisionType.STATUTE_AMENDMENT, Majority.UNANIMITY);
        majority.put(DecisionType.DISSOLUTION, Majority.UNANIMITY);
        majority.put(DecisionType.PENVOERDER_APPOINTMENT, Majority.TWO_THIRDS);
        return new StatuteRules(false, QuorumBasis.MEMBERS, quorum, majority, false, 0, 1, 7, 7, true, true, true);
    }

    private static <V> Map<DecisionType, V> complete(Map<DecisionType, V> given, V fallback) {
        Map<DecisionType, V> all = new EnumMap<>(DecisionType.class);
        for (DecisionType type : DecisionType.values()) {
            V value = given == null ? null : given.get(type);
            all.put(type, value == null ? fallback : value);
        }
        return all;
    }
}
