package nl.samenspel.governance.voting;

/** Whether a decision is taken in a meeting or in writing, outside a meeting. */
public enum Setting {
    MEETING,
    IN_WRITING
}
