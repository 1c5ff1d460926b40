package nl.samenspel.governance.voting;

/** What a member votes. An abstention is not a vote cast. */
public enum Choice {
    FOR,
    AGAINST,
    ABSTAIN;

    String dutch() {
        return switch (this) {
            case FOR -> "voor";
            case AGAINST -> "tegen";
            case ABSTAIN -> "onthouding";
        };
    }
}
