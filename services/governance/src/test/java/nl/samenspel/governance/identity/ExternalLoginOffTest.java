package nl.samenspel.governance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Without SAMENSPEL_OIDC_ISSUER there is no external login at all, whatever a token says. */
@MicronautTest(transactional = false)
class ExternalLoginOffTest implements DatabaseTest {

    final TestIdentityProvider idp = TestIdentityProvider.start();

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @AfterAll
    void stopProvider() {
        idp.close();
    }

    @Test
    void aProviderTokenIsRefusedAndPasswordsStillWork() {
        Api api = new Api(server);
        Account account = fixtures.account("no-oidc");

        assertThat(context.findBean(ExternalLoginConfiguration.class)).isEmpty();
        assertThat(context.findBean(ExternalTokenValidator.class)).isEmpty();
        Api.Response external =
                api.get("/api/v1/me", idp.rs256(idp.claims(account.email()).build()));
        assertThat(external.status()).isEqualTo(401);
        assertThat(external.contentType()).startsWith("application/problem+json");
        assertThat(idp.keySetRequests()).isZero();

        String own = api.login(account.email(), Fixtures.PASSWORD);
        assertThat(api.get("/api/v1/me", own).status()).isEqualTo(200);
    }
}
