package nl.samenspel.governance.statute.rules;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
 * @param sources                 where each rule is written down, keyed by rule ({@link #QUORUM},
 *                                {@link #MAJORITY}, either one narrowed to a type as in
 *                                {@code "majority.STATUTE_AMENDMENT"}, {@link #PROXY}, {@link #WRITTEN},
 *                                {@link #CONFLICT}, {@link #WEIGHTS}), e.g. "artikel 12 lid 3"; empty for a
 *                                rule set stored before sources existed
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
        boolean writtenDecisionsUnanimous,
        Map<String, String> sources) {

    public static final String QUORUM = "quorum";
    public static final String MAJORITY = "majority";
    public static final String PROXY = "proxy";
    public static final String WRITTEN = "written";
    public static final String CONFLICT = "conflict";
    public static final String WEIGHTS = "weights";

    public StatuteRules {
        quorum = Map.copyOf(complete(quorum, Share.NONE));
        majority = Map.copyOf(complete(majority, Majority.SIMPLE));
        sources = cleaned(sources);
        if (proxyCapPerHolder < 0 || convocationDays < 0 || amendmentTextDays < 0 || secondMeetingWithinDays < 0) {
            throw new IllegalArgumentException("counts of days and proxies cannot be negative");
        }
    }

    /** A rule set without sources, as stored before they existed. */
    public StatuteRules(
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
        this(
                weightsPerMember,
                quorumBasis,
                quorum,
                majority,
                secondMeetingWithoutQuorum,
                secondMeetingWithinDays,
                proxyCapPerHolder,
                convocationDays,
                amendmentTextDays,
                abstentionsCountTowardQuorum,
                conflictOfInterestExcluded,
                writtenDecisionsUnanimous,
                Map.of());
    }

    public StatuteRules withSources(Map<String, String> sources) {
        return new StatuteRules(
                weightsPerMember,
                quorumBasis,
                quorum,
                majority,
                secondMeetingWithoutQuorum,
                secondMeetingWithinDays,
                proxyCapPerHolder,
                convocationDays,
                amendmentTextDays,
                abstentionsCountTowardQuorum,
                conflictOfInterestExcluded,
                writtenDecisionsUnanimous,
                sources);
    }

    /** Where a rule is written down: the source for {@code rule.TYPE}, else for {@code rule}. */
    public Optional<String> source(String rule, DecisionType type) {
        String specific = sources.get(rule + "." + type.name());
        return Optional.ofNullable(specific != null ? specific : sources.get(rule));
    }

    /** Where a rule that does not depend on the type of decision is written down. */
    public Optional<String> source(String rule) {
        return Optional.ofNullable(sources.get(rule));
    }

    public Share quorumFor(DecisionType type) {
        return quorum.get(type);
    }

    public Majority majorityFor(DecisionType type) {
        return majority.get(type);
    }

    /**
     * Coöperatie U.A. under BW Boek 2 (the rules for a vereniging, 2:53a): no quorum unless the statutes
     * set one; a statute amendment needs two thirds of the votes cast unless the statutes say otherwise
     * (2:43 lid 1), a convocation at least seven days ahead (2:42 lid 1) and its text available five
     * days ahead (2:42 lid 2); decisions outside a meeting unanimous (2:40 lid 2). Dissolution
     * (2:19 lid 1 onder a) takes the amendment majority here, as model statutes do.
     */
    public static StatuteRules cooperatie() {
        Map<DecisionType, Majority> majority = new EnumMap<>(DecisionType.class);
        majority.put(DecisionType.STATUTE_AMENDMENT, Majority.TWO_THIRDS);
        majority.put(DecisionType.DISSOLUTION, Majority.TWO_THIRDS);
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(QUORUM, "de statuten; Boek 2 BW stelt geen quorum");
        sources.put(MAJORITY, "de statuten");
        sources.put(MAJORITY + "." + DecisionType.STATUTE_AMENDMENT, "artikel 2:43 lid 1 BW");
        sources.put(MAJORITY + "." + DecisionType.DISSOLUTION, "de statuten, bij artikel 2:19 lid 1 onder a BW");
        sources.put(WRITTEN, "artikel 2:40 lid 2 BW");
        sources.put(WEIGHTS, "artikel 2:38 lid 1 BW");
        sources.put(PROXY, "de statuten");
        sources.put(CONFLICT, "de statuten");
        return new StatuteRules(
                false, QuorumBasis.MEMBERS, Map.of(), majority, true, 28, 1, 7, 5, true, true, true, sources);
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
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(QUORUM, "het convenant, besluitvorming");
        sources.put(MAJORITY, "het convenant, besluitvorming");
        sources.put(MAJORITY + "." + DecisionType.ADMISSION, "het convenant, toetreding");
        sources.put(MAJORITY + "." + DecisionType.STATUTE_AMENDMENT, "het convenant, wijziging");
        sources.put(MAJORITY + "." + DecisionType.DISSOLUTION, "het convenant, beëindiging");
        sources.put(MAJORITY + "." + DecisionType.PENVOERDER_APPOINTMENT, "het convenant, penvoerderschap");
        sources.put(WRITTEN, "het convenant, besluitvorming buiten vergadering");
        sources.put(WEIGHTS, "het convenant, gelijkwaardig partnerschap");
        sources.put(PROXY, "het convenant, volmacht");
        sources.put(CONFLICT, "het convenant, tegenstrijdig belang");
        return new StatuteRules(
                false, QuorumBasis.MEMBERS, quorum, majority, false, 0, 1, 7, 7, true, true, true, sources);
    }

    private static Map<String, String> cleaned(Map<String, String> given) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((rule, source) -> {
                if (rule != null && source != null && !source.isBlank()) {
                    if (rule.length() > 100 || source.length() > 200 || hasControl(rule) || hasControl(source)) {
                        throw new IllegalArgumentException("an article reference is one short line: " + rule);
                    }
                    kept.put(rule.strip(), source.strip());
                }
            });
        }
        return Collections.unmodifiableMap(kept);
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
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
