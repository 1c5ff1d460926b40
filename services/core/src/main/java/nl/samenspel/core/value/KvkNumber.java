package nl.samenspel.core.value;

/** A KvK-nummer (Kamer van Koophandel registration): exactly eight digits, not all zero. */
public final class KvkNumber {

    private KvkNumber() {}

    public static boolean isValid(String value) {
        return value != null && value.matches("\\d{8}") && !value.equals("00000000");
    }
}
