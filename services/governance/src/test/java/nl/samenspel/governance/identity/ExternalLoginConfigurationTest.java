package nl.samenspel.governance.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an operator gets wrong in samenspel.oidc.* stops the service at startup, naming the setting. */
class ExternalLoginConfigurationTest {

    private static ExternalLoginConfiguration config(String audience, String jwksUrl, List<String> algorithms) {
        return new ExternalLoginConfiguration(
                " https://login.example.nl/realms/gemeente ",
                audience,
                jwksUrl,
                "email",
                algorithms,
                Duration.ofSeconds(60),
                true,
                Duration.ofSeconds(5));
    }

    @Test
    void unsetAreClaimEmailRs256AndEs256AMinuteOfClockSkewAndAVerifiedAddress() {
        ExternalLoginConfiguration.Settings settings = new ExternalLoginConfiguration(
                        " https://login.example.nl/realms/gemeente ",
                        "samenspel",
                        "https://login.example.nl/realms/gemeente/certs",
                        null,
                        null,
                        null,
                        null,
                        null)
                .check();
        assertThat(settings.issuer()).isEqualTo("https://login.example.nl/realms/gemeente");
        assertThat(settings.emailClaim()).isEqualTo("email");
        assertThat(settings.algorithms()).containsExactlyInAnyOrder(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
        assertThat(settings.clockSkewSeconds()).isEqualTo(60);
        assertThat(settings.requireEmailVerified()).isTrue();
        assertThat(settings.jwksTimeoutMillis()).isEqualTo(5000);
    }

    @Test
    void hmacAndNoneAreNoAlgorithmsForAnExternalProvider() {
        for (String algorithm : List.of("HS256", "hs512", "none")) {
            assertThatThrownBy(() -> config("samenspel", "https://idp.example/certs", List.of("RS256", algorithm))
                            .check())
                    .as(algorithm)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("samenspel.oidc.algorithms")
                    .hasMessageContaining(algorithm);
        }
    }

    @Test
    void theAudienceAndTheKeySetAreRequired() {
        assertThatThrownBy(() -> config(" ", "https://idp.example/certs", List.of("RS256"))
                        .check())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SAMENSPEL_OIDC_AUDIENCE (samenspel.oidc.audience)");
        assertThatThrownBy(() -> config("samenspel", null, List.of("RS256")).check())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SAMENSPEL_OIDC_JWKS_URL (samenspel.oidc.jwks-url)");
    }

    @Test
    void theKeySetComesOverHttpsExceptFromThisMachine() {
        assertThatThrownBy(() -> config("samenspel", "http://idp.example/certs", List.of("RS256"))
                        .check())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("https");
        assertThatThrownBy(() -> config("samenspel", "file:///etc/keys.json", List.of("RS256"))
                        .check())
                .isInstanceOf(ConfigurationException.class);
        assertThat(config("samenspel", "http://127.0.0.1:8180/certs", List.of("RS256"))
                        .check()
                        .jwksUrl())
                .hasToString("http://127.0.0.1:8180/certs");
    }
}
