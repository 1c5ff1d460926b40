package nl.samenspel.governance.statute.rules;

/** The kinds of decision whose quorum and majority the statutes may set differently. */
public enum DecisionType {
    ORDINARY,
    BUDGET,
    ADMISSION,
    PENVOERDER_APPOINTMENT,
    STATUTE_AMENDMENT,
    DISSOLUTION
}
