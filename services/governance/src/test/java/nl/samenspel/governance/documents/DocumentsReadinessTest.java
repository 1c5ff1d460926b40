package nl.samenspel.governance.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import org.junit.jupiter.api.Test;

/** With a documents service that does not answer, readiness says so but stays 200: the replica keeps serving. */
@MicronautTest(transactional = false)
class DocumentsReadinessTest implements DatabaseTest {

    @Override
    public Map<String, String> extraProperties() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Map.of(DocumentsUrl.PROPERTY, "http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Inject
    EmbeddedServer server;

    @Inject
    DocumentsReachability reachability;

    @Test
    void an_unreachable_documents_service_degrades_readiness_without_failing_it() {
        reachability.check();
        Api api = new Api(server);

        Api.Response readiness = api.get("/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"DEGRADED\"}");
        Api.Response liveness = api.get("/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
    }
}
