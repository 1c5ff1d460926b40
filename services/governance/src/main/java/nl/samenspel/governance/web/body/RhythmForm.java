package nl.samenspel.governance.web.body;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.samenspel.governance.body.BodyResponse;
import nl.samenspel.governance.body.RhythmRequest;
import nl.samenspel.governance.web.Forms;

/**
 * The meeting rhythm as rows of "every N weeks until a day"; a fixed number of rows, blank ones
 * ignored. Fields are {@code everyWeeks-<row>} and {@code until-<row>}.
 */
public record RhythmForm(List<Row> rows) {

    /** Rows shown at least; one more than the phases a body already has. */
    static final int ROWS = 3;

    static final int MAX_ROWS = 20;

    public record Row(String everyWeeks, String until) {
        boolean blank() {
            return Forms.blank(everyWeeks) && Forms.blank(until);
        }
    }

    static RhythmForm of(BodyResponse body) {
        List<Row> rows = new ArrayList<>();
        if (body.rhythm() != null) {
            body.rhythm()
                    .forEach(p -> rows.add(new Row(
                            Integer.toString(p.everyWeeks()),
                            p.until() == null ? "" : p.until().toString())));
        }
        int target = Math.min(MAX_ROWS, Math.max(ROWS, rows.size() + 1));
        while (rows.size() < target) {
            rows.add(new Row("", ""));
        }
        return new RhythmForm(rows);
    }

    static RhythmForm from(Map<String, Object> form) {
        Integer count = Forms.whole(Forms.one(form, "rows"), "rows", new java.util.HashMap<>());
        int n = count == null ? ROWS : Math.max(1, Math.min(MAX_ROWS, count));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(Forms.one(form, "everyWeeks-" + i), Forms.one(form, "until-" + i)));
        }
        return new RhythmForm(rows);
    }

    /**
     * The request for the non-blank rows; {@code used} receives the row number of each phase, so the
     * service's "phases[1].until" can be shown at the row the user typed it in.
     */
    RhythmRequest toRequest(Map<String, String> errors, List<Integer> used) {
        List<RhythmRequest.PhaseRequest> phases = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            Integer weeks = Forms.whole(row.everyWeeks(), "everyWeeks-" + i, errors);
            if (weeks == null && !errors.containsKey("everyWeeks-" + i)) {
                errors.put("everyWeeks-" + i, "error.required");
            } else if (weeks != null && (weeks < 1 || weeks > 52)) {
                errors.put("everyWeeks-" + i, "error.range.everyWeeks");
            }
            LocalDate until = Forms.date(row.until(), "until-" + i, errors);
            phases.add(new RhythmRequest.PhaseRequest(weeks, until));
            used.add(i);
        }
        return new RhythmRequest(phases);
    }
}
