package nl.samenspel.governance.statute.rules;

/** Quorum counted in members present or in voting weight present. */
public enum QuorumBasis {
    MEMBERS,
    WEIGHTS
}
