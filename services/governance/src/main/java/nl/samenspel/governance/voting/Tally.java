package nl.samenspel.governance.voting;

/**
 * The count. {@code *Count} is in members, {@code *Weight} in votes: a member's weight when the statutes
 * weigh votes, else one. {@code votesCast} is for plus against (abstentions are not votes cast);
 * {@code base} is the votes of every member entitled to vote who is not recused.
 */
public record Tally(
        int forCount,
        int againstCount,
        int abstainCount,
        long forWeight,
        long againstWeight,
        long abstainWeight,
        long votesCast,
        long base) {}
