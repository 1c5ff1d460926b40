package nl.samenspel.governance.body;

/** The kinds of decision a body may take (its mandate); a body without a formal role takes none. */
public enum DecisionType {
    ORDINARY,
    BUDGET,
    ADMISSION,
    PENVOERDER_APPOINTMENT,
    STATUTE_AMENDMENT,
    DISSOLUTION
}
