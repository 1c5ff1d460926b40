package nl.samenspel.governance.body;

/** A seat's role in its body. An adviser never votes. */
public enum SeatRole {
    CHAIR,
    SECRETARY,
    MEMBER,
    ADVISER
}
