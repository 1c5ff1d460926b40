package nl.samenspel.governance.accountability;

/** The kinds of figures a member enters, each in a table of its own with the same key and bookkeeping columns. */
public enum FigureKind {
    BUDGET_LINE("budget_line"),
    FTE_LINE("fte_line"),
    INDICATOR("indicator"),
    MILESTONE("milestone"),
    RISK("risk");

    final String table;

    FigureKind(String table) {
        this.table = table;
    }
}
