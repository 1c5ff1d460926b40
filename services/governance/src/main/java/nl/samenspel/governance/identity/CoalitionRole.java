package nl.samenspel.governance.identity;

/** What an account may do within one coalition (see ARCHITECTURE.md, "Roles"). */
public enum CoalitionRole {
    OPDRACHTGEVER,
    SECRETARY,
    REPRESENTATIVE,
    ACCOUNTANT,
    OBSERVER,
    /** An employee of a member organisation: reads the coalition's publications and nothing else. */
    STAFF
}
