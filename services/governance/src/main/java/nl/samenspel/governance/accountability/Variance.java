package nl.samenspel.governance.accountability;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Realisation against budget, in whole cents and a percentage rounded to two decimals. */
final class Variance {

    private Variance() {}

    /** (realised − budget) ÷ budget × 100; none for a zero budget. */
    static BigDecimal pct(long budgetCents, long realisedCents) {
        if (budgetCents == 0) {
            return null;
        }
        return BigDecimal.valueOf(realisedCents - budgetCents)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(budgetCents), 2, RoundingMode.HALF_UP);
    }

    /**
     * Whether the difference needs an explanation: more than {@code thresholdPct} percent of the budget
     * either way (compared exactly, in cents), or any spending against a zero budget.
     */
    static boolean needsExplanation(long budgetCents, long realisedCents, BigDecimal thresholdPct) {
        long difference = Math.abs(realisedCents - budgetCents);
        if (budgetCents == 0) {
            return difference > 0;
        }
        return BigDecimal.valueOf(difference)
                        .multiply(BigDecimal.valueOf(100))
                        .compareTo(thresholdPct.multiply(BigDecimal.valueOf(budgetCents)))
                > 0;
    }
}
