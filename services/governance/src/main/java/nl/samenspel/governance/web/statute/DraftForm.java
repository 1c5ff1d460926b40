package nl.samenspel.governance.web.statute;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenspel.governance.statute.Article;
import nl.samenspel.governance.statute.StatuteRepository;
import nl.samenspel.governance.statute.StatuteRequests;
import nl.samenspel.governance.statute.StatuteResponse;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Majority;
import nl.samenspel.governance.statute.rules.QuorumBasis;
import nl.samenspel.governance.statute.rules.Share;
import nl.samenspel.governance.statute.rules.StatuteRules;
import nl.samenspel.governance.web.Forms;

/**
 * A draft statute version as typed: its title, article rows ({@code article-<row>-number|title|text|remove};
 * blank rows are ignored, ticked ones removed) and its rule set. A share is written as a code,
 * {@code none}, {@code gt-1-2} ("more than half") or {@code ge-2-3} ("at least two thirds").
 */
public record DraftForm(String statuteTitle, String version, List<Row> articles, Rules rules) {

    /** Blank rows offered below the articles, and added by "more rows". */
    static final int BLANK_ROWS = 2;

    static final int MAX_ROWS = 500;

    private static final Pattern SHARE = Pattern.compile("(gt|ge)-(\\d{1,3})-(\\d{1,3})");

    public record Row(String number, String title, String text, boolean remove) {
        boolean blank() {
            return Forms.blank(number) && Forms.blank(title) && Forms.blank(text);
        }
    }

    public record Rules(
            boolean weightsPerMember,
            String quorumBasis,
            Map<DecisionType, String> quorum,
            Map<DecisionType, String> majority,
            boolean secondMeetingWithoutQuorum,
            String secondMeetingWithinDays,
            String proxyCapPerHolder,
            String convocationDays,
            String amendmentTextDays,
            boolean abstentionsCountTowardQuorum,
            boolean conflictOfInterestExcluded,
            boolean writtenDecisionsUnanimous) {

        public String quorumOf(DecisionType type) {
            return quorum.getOrDefault(type, "none");
        }

        public String majorityOf(DecisionType type) {
            return majority.getOrDefault(type, Majority.SIMPLE.name());
        }
    }

    static DraftForm of(StatuteResponse v) {
        List<Row> rows = new ArrayList<>();
        v.articles().forEach(a -> rows.add(new Row(a.number(), a.title(), a.body(), false)));
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row("", "", "", false));
        }
        StatuteRules r = StatuteRepository.rulesFrom(v.rules());
        Map<DecisionType, String> quorum = new EnumMap<>(DecisionType.class);
        Map<DecisionType, String> majority = new EnumMap<>(DecisionType.class);
        for (DecisionType t : DecisionType.values()) {
            quorum.put(t, code(r.quorumFor(t)));
            majority.put(t, r.majorityFor(t).name());
        }
        return new DraftForm(
                v.title(),
                Integer.toString(v.version()),
                rows,
                new Rules(
                        r.weightsPerMember(),
                        r.quorumBasis().name(),
                        quorum,
                        majority,
                        r.secondMeetingWithoutQuorum(),
                        Integer.toString(r.secondMeetingWithinDays()),
                        Integer.toString(r.proxyCapPerHolder()),
                        Integer.toString(r.convocationDays()),
                        Integer.toString(r.amendmentTextDays()),
                        r.abstentionsCountTowardQuorum(),
                        r.conflictOfInterestExcluded(),
                        r.writtenDecisionsUnanimous()));
    }

    static DraftForm from(Map<String, Object> form) {
        Integer count = Forms.whole(Forms.one(form, "rows"), "rows", new HashMap<>());
        int n = count == null ? 0 : Math.max(0, Math.min(MAX_ROWS, count));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String p = "article-" + i + "-";
            rows.add(new Row(
                    Forms.one(form, p + "number"),
                    Forms.one(form, p + "title"),
                    Forms.one(form, p + "text"),
                    Forms.checked(Forms.one(form, p + "remove"))));
        }
        Map<DecisionType, String> quorum = new EnumMap<>(DecisionType.class);
        Map<DecisionType, String> majority = new EnumMap<>(DecisionType.class);
        for (DecisionType t : DecisionType.values()) {
            quorum.put(t, Forms.one(form, "quorum-" + t.name()));
            majority.put(t, Forms.one(form, "majority-" + t.name()));
        }
        return new DraftForm(
                Forms.one(form, "statuteTitle"),
                Forms.one(form, "version"),
                rows,
                new Rules(
                        Forms.checked(Forms.one(form, "weightsPerMember")),
                        Forms.one(form, "quorumBasis"),
                        quorum,
                        majority,
                        Forms.checked(Forms.one(form, "secondMeetingWithoutQuorum")),
                        Forms.one(form, "secondMeetingWithinDays"),
                        Forms.one(form, "proxyCapPerHolder"),
                        Forms.one(form, "convocationDays"),
                        Forms.one(form, "amendmentTextDays"),
                        Forms.checked(Forms.one(form, "abstentionsCountTowardQuorum")),
                        Forms.checked(Forms.one(form, "conflictOfInterestExcluded")),
                        Forms.checked(Forms.one(form, "writtenDecisionsUnanimous"))));
    }

    /** The same form with more blank article rows (the "more rows" button, which saves nothing). */
    DraftForm withMoreRows() {
        List<Row> rows = new ArrayList<>(articles);
        for (int i = 0; i < BLANK_ROWS + 1 && rows.size() < MAX_ROWS; i++) {
            rows.add(new Row("", "", "", false));
        }
        return new DraftForm(statuteTitle, version, rows, rules);
    }

    /**
     * The request the service takes; unreadable values go to {@code errors}. {@code used} receives
     * the row of each article sent, so "articles[1].title" is shown at the row the user typed it in.
     */
    StatuteRequests.Draft toRequest(Map<String, String> errors, List<Integer> used) {
        List<Article> list = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            Row row = articles.get(i);
            if (row.remove() || row.blank()) {
                continue;
            }
            String number = Forms.blank(row.number()) ? null : row.number().trim();
            if (number != null && seen.putIfAbsent(number, i) != null) {
                errors.put("article-" + i + "-number", "error.statute.duplicate-article");
            }
            list.add(new Article(
                    number,
                    Forms.trimmed(row.title()),
                    row.text() == null ? "" : row.text().strip()));
            used.add(i);
        }
        StatuteRules parsed = rules(errors);
        Integer parsedVersion = Forms.whole(version, "version", errors);
        Map<String, Object> rulesMap = null;
        if (parsed != null) {
            rulesMap = new LinkedHashMap<>(StatuteRepository.rulesAsMap(parsed));
            // The form does not show the article references; leaving them out keeps the draft's own.
            rulesMap.remove("sources");
        }
        return new StatuteRequests.Draft(Forms.trimmed(statuteTitle), list, rulesMap, parsedVersion);
    }

    private StatuteRules rules(Map<String, String> errors) {
        int before = errors.size();
        QuorumBasis basis = Forms.choice(QuorumBasis.class, rules.quorumBasis(), "quorumBasis", errors);
        if (basis == null) {
            errors.putIfAbsent("quorumBasis", "error.required");
        }
        Map<DecisionType, Share> quorum = new EnumMap<>(DecisionType.class);
        Map<DecisionType, Majority> majority = new EnumMap<>(DecisionType.class);
        for (DecisionType t : DecisionType.values()) {
            Share share = share(rules.quorumOf(t));
            if (share == null) {
                errors.put("quorum-" + t.name(), "error.invalid");
            }
            quorum.put(t, share);
            Majority m = Forms.choice(Majority.class, rules.majorityOf(t), "majority-" + t.name(), errors);
            majority.put(t, m);
        }
        int secondDays = days(rules.secondMeetingWithinDays(), "secondMeetingWithinDays", errors);
        int proxies = days(rules.proxyCapPerHolder(), "proxyCapPerHolder", errors);
        int convocation = days(rules.convocationDays(), "convocationDays", errors);
        int amendment = days(rules.amendmentTextDays(), "amendmentTextDays", errors);
        if (errors.size() > before) {
            return null;
        }
        return new StatuteRules(
                rules.weightsPerMember(),
                basis,
                quorum,
                majority,
                rules.secondMeetingWithoutQuorum(),
                secondDays,
                proxies,
                convocation,
                amendment,
                rules.abstentionsCountTowardQuorum(),
                rules.conflictOfInterestExcluded(),
                rules.writtenDecisionsUnanimous());
    }

    private static int days(String value, String field, Map<String, String> errors) {
        Integer n = Forms.whole(value, field, errors);
        if (n == null) {
            errors.putIfAbsent(field, "error.required");
            return 0;
        }
        if (n < 0 || n > 365) {
            errors.put(field, "error.range.count");
            return 0;
        }
        return n;
    }

    static String code(Share share) {
        if (share.equals(Share.NONE)) {
            return "none";
        }
        return (share.strict() ? "gt-" : "ge-") + share.numerator() + "-" + share.denominator();
    }

    static Share share(String code) {
        if (code == null || "none".equals(code)) {
            return code == null ? null : Share.NONE;
        }
        Matcher m = SHARE.matcher(code);
        if (!m.matches()) {
            return null;
        }
        try {
            return new Share(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), "gt".equals(m.group(1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
