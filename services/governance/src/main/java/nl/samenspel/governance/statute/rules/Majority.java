package nl.samenspel.governance.statute.rules;

/** How many of the votes cast (abstentions are not votes cast) must be in favour. */
public enum Majority {
    /** More than half of the votes cast. */
    SIMPLE,
    /** At least two thirds of the votes cast (BW 2:43 lid 1 for a statute amendment, unless the statutes say otherwise). */
    TWO_THIRDS,
    /** Every vote cast in favour, and no member entitled to vote absent. */
    UNANIMITY,
    /** Adopted unless a member entitled to vote objects. */
    CONSENT
}
