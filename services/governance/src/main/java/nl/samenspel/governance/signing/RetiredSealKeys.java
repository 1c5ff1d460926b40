package nl.samenspel.governance.signing;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SHA-256 fingerprints of the certificates this platform sealed with before a key rotation
 * ({@code samenspel.documents.seal.previous-fingerprints}, env {@code SAMENSPEL_SEAL_PREVIOUS_FINGERPRINTS}:
 * comma- or space-separated hex, colons and case as an operator pastes them): a file sealed with one of
 * them still counts as sealed by this platform. Read at startup, so a mistyped value stops the start
 * with a message naming the setting instead of failing the first verification.
 */
@Context
public class RetiredSealKeys {

    private final Set<String> fingerprints;

    RetiredSealKeys(@Value("${samenspel.documents.seal.previous-fingerprints:}") String setting) {
        this.fingerprints = parse(setting);
    }

    public boolean contains(String fingerprint) {
        return fingerprint != null
                && fingerprints.contains(fingerprint.replace(":", "").toLowerCase(Locale.ROOT));
    }

    static Set<String> parse(String setting) {
        Set<String> parsed = Arrays.stream(setting.split("[,\\s]+"))
                .map(f -> f.replace(":", "").toLowerCase(Locale.ROOT))
                .filter(f -> !f.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String f : parsed) {
            if (!f.matches("[0-9a-f]{64}")) {
                throw new ConfigurationException("SAMENSPEL_SEAL_PREVIOUS_FINGERPRINTS"
                        + " (samenspel.documents.seal.previous-fingerprints): not a SHA-256 fingerprint: "
                        + (f.length() > 80 ? f.substring(0, 80) + "…" : f));
            }
        }
        return parsed;
    }
}
