package nl.samenspel.governance.identity;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The external OpenID Connect provider whose tokens count as a login (README, "External login"), read
 * from {@code samenspel.oidc.*}. There is no such bean unless an issuer is set.
 */
@ConfigurationProperties(ExternalLoginConfiguration.PREFIX)
@Requires(property = ExternalLoginConfiguration.PREFIX + ".issuer", pattern = ".*\\S.*")
public record ExternalLoginConfiguration(
        @Nullable String issuer,
        @Nullable String audience,
        @Nullable String jwksUrl,
        @Nullable String emailClaim,
        @Nullable List<String> algorithms,
        @Nullable Duration clockSkew,
        @Nullable Boolean requireEmailVerified,
        @Nullable Duration jwksTimeout) {

    public static final String PREFIX = "samenspel.oidc";

    /** Only public-key signatures: an HMAC "key" is a shared secret, and a JWKS is public. */
    static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS;

    static {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        algorithms.addAll(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        PUBLIC_KEY_ALGORITHMS = Set.copyOf(algorithms);
    }

    /** The settings after checking, as the validator uses them. */
    public record Settings(
            String issuer,
            String audience,
            URL jwksUrl,
            String emailClaim,
            Set<JWSAlgorithm> algorithms,
            int clockSkewSeconds,
            boolean requireEmailVerified,
            int jwksTimeoutMillis) {}

    /**
     * Checked at startup, so a mistake stops the service instead of refusing every login later; unset are
     * claim {@code email}, RS256 and ES256, 60 s clock skew, email_verified required, 5 s to fetch keys.
     */
    public Settings check() {
        String iss = issuer == null ? "" : issuer.trim();
        String aud = required(audience, "SAMENSPEL_OIDC_AUDIENCE", "audience");
        URL jwks = jwksUrl(required(jwksUrl, "SAMENSPEL_OIDC_JWKS_URL", "jwks-url"));
        String claim = emailClaim == null || emailClaim.isBlank() ? "email" : emailClaim.trim();
        Set<JWSAlgorithm> allowed = new LinkedHashSet<>();
        for (String name : algorithms == null || algorithms.isEmpty() ? List.of("RS256", "ES256") : algorithms) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(name.trim().toUpperCase(Locale.ROOT));
            if (!PUBLIC_KEY_ALGORITHMS.contains(algorithm)) {
                throw new ConfigurationException(PREFIX + ".algorithms allows only RSA and EC signatures (RS256,"
                        + " PS256, ES256, ...), not " + name.trim()
                        + ": an HMAC key is a shared secret and 'none' is no signature at all");
            }
            allowed.add(algorithm);
        }
        Duration skew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigurationException(PREFIX + ".clock-skew must be between 0 and 5 minutes, not " + skew);
        }
        Duration timeout = jwksTimeout == null ? Duration.ofSeconds(5) : jwksTimeout;
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new ConfigurationException(PREFIX + ".jwks-timeout must be between 100 ms and 60 s, not " + timeout);
        }
        return new Settings(
                iss,
                aud,
                jwks,
                claim,
                Set.copyOf(allowed),
                (int) skew.toSeconds(),
                requireEmailVerified == null || requireEmailVerified,
                (int) timeout.toMillis());
    }

    private static String required(String value, String env, String property) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(
                    env + " (" + PREFIX + "." + property + ") is required when SAMENSPEL_OIDC_ISSUER is set");
        }
        return value.trim();
    }

    /** https, or plain http to this machine only: whoever can change the key set in transit can log in as anyone. */
    private static URL jwksUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost();
            boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            if (!(scheme.equals("https") || (scheme.equals("http") && loopback)) || host.isEmpty()) {
                throw new ConfigurationException("SAMENSPEL_OIDC_JWKS_URL (" + PREFIX
                        + ".jwks-url) must be an https URL (plain http only for localhost), not " + value);
            }
            return uri.toURL();
        } catch (URISyntaxException | java.net.MalformedURLException | IllegalArgumentException e) {
            throw new ConfigurationException(
                    "SAMENSPEL_OIDC_JWKS_URL (" + PREFIX + ".jwks-url) is not a URL: " + value, e);
        }
    }
}
