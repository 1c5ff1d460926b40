package nl.samenspel.core.value;

/**
 * RSIN (Rechtspersonen en Samenwerkingsverbanden Informatienummer): nine digits passing the elfproef
 * with weights 9..2 and -1 for the last digit, as the Belastingdienst issues them.
 */
public final class Rsin {

    private Rsin() {}

    public static boolean isValid(String value) {
        if (value == null || !value.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (value.charAt(i) - '0');
        }
        sum -= value.charAt(8) - '0';
        return sum % 11 == 0 && !value.equals("000000000");
    }
}
