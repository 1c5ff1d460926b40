package nl.samenspel.governance.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An operator may switch metrics off: logging in (and failing to) still works, only the scrape is gone. */
@MicronautTest(transactional = false)
class MetricsOffTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("micronaut.metrics.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
    }

    @Test
    void loginsWorkWithoutARegistryAndThereIsNothingToScrape() {
        Account account = fixtures.account("no-metrics");

        assertThat(api.post(
                                "/api/v1/auth/token",
                                null,
                                Map.of("email", account.email(), "password", "wrong-password-1"))
                        .status())
                .isEqualTo(401);
        String token = api.login(account.email(), Fixtures.PASSWORD);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(api.get("/prometheus", null).status()).isNotEqualTo(200);
    }
}
