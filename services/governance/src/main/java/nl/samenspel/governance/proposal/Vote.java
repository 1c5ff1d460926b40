package nl.samenspel.governance.proposal;

import java.time.Instant;
import java.util.UUID;

/** One revision of a member's vote; the highest revision is the vote that counts. */
public record Vote(UUID memberId, int revision, Choice choice, UUID castBy, Instant castAt) {

    public enum Choice {
        FOR,
        AGAINST,
        ABSTAIN
    }
}
