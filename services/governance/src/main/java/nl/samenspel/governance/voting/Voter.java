package nl.samenspel.governance.voting;

import java.util.Objects;

/** A member entitled to vote on the decision, with its weight (used only when the statutes weigh votes). */
public record Voter(String member, int weight) {

    public Voter {
        Objects.requireNonNull(member, "member");
        if (weight < 0) {
            throw new IllegalArgumentException("a weight cannot be negative: " + member + " " + weight);
        }
    }
}
