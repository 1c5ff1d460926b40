package nl.samenspel.governance.statute.rules;

/**
 * A fraction a count must reach: "at least two thirds" ({@code strict = false}) or "more than half"
 * ({@code strict = true}). Compared in whole numbers, so ⅔ of 3 is exactly 2 and no rounding decides.
 */
public record Share(int numerator, int denominator, boolean strict) {

    public static final Share NONE = new Share(0, 1, false);

    public Share {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("a share is between 0 and 1: " + numerator + "/" + denominator);
        }
    }

    public static Share moreThan(int numerator, int denominator) {
        return new Share(numerator, denominator, true);
    }

    public static Share atLeast(int numerator, int denominator) {
        return new Share(numerator, denominator, false);
    }

    /** Whether {@code part} of {@code whole} reaches this share. */
    public boolean reachedBy(long part, long whole) {
        long left = part * denominator;
        long right = whole * numerator;
        return strict ? left > right : left >= right;
    }

    /** The smallest part of {@code whole} that reaches this share. */
    public long minimumOf(long whole) {
        for (long part = 0; part <= whole; part++) {
            if (reachedBy(part, whole)) {
                return part;
            }
        }
        return whole + 1;
    }

    /** In Dutch, as the statutes word it. */
    public String dutch() {
        if (numerator == 0) {
            return "geen quorum";
        }
        String fraction =
                switch (numerator + "/" + denominator) {
                    case "1/2" -> "de helft";
                    case "2/3" -> "twee derde";
                    case "3/4" -> "drie kwart";
                    case "1/1" -> "alle";
                    default -> numerator + "/" + denominator;
                };
        return (strict ? "meer dan " : "ten minste ") + fraction;
    }
}
