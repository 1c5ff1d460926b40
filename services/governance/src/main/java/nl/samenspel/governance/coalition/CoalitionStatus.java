package nl.samenspel.governance.coalition;

/** draft → onboarding → active → dissolved; never backwards. */
public enum CoalitionStatus {
    DRAFT,
    ONBOARDING,
    ACTIVE,
    DISSOLVED;

    public boolean mayBecome(CoalitionStatus next) {
        return next.ordinal() == ordinal() + 1;
    }
}
