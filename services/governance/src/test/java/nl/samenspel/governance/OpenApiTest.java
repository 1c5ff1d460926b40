package nl.samenspel.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OpenApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Test
    void theGeneratedSpecIsServedWithoutLogin() {
        Api.Response spec = new Api(server).get("/openapi/samenspel-governance.yml", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body())
                .contains("openapi: 3.")
                .contains("/api/v1/coalitions/{coalition}/members/{id}:")
                .contains("/api/v1/auth/token:")
                .contains("MemberRequest")
                // The tenant comes from the path and the token, never from a client-supplied value.
                .doesNotContain("CoalitionAccess", "name: authentication");
    }
}
