package nl.samenspel.governance.voting;

/** ADOPTED or REJECTED by the votes; INVALID when the meeting could not decide for want of quorum. */
public enum Outcome {
    ADOPTED,
    REJECTED,
    INVALID
}
