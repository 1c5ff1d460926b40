package nl.samenspel.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.samenspel.core.config.MissingSettingsException;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.seal.TestKeystores;
import org.junit.jupiter.api.Test;

/**
 * The documents service in the prod environment: refused without its sealing key, and with it the
 * probes and Prometheus (render and seal latencies) on the management port only.
 */
class ProductionStartTest {

    private static final String PASSWORD = "prod-seal-password-61be";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void without_a_sealing_key_it_names_both_settings() {
        Throwable failure = catchThrowable(() -> ApplicationContext.builder()
                .environments("prod")
                .properties(Map.of("micronaut.server.port", -1))
                .start()
                .close());

        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause)
                .isInstanceOf(MissingSettingsException.class)
                .hasMessage("Samenspel documents cannot start in the prod environment; set these and start again:\n"
                        + "  - SAMENSPEL_SEAL_KEYSTORE (samenspel.documents.seal.keystore): not set\n"
                        + "  - SAMENSPEL_SEAL_PASSWORD (samenspel.documents.seal.password): not set");
    }

    @Test
    void with_its_key_it_serves_documents_and_keeps_probes_and_metrics_on_the_management_port() throws Exception {
        Path keystore = TestKeystores.write(
                Path.of("target", "prod-start", "seal.p12").toAbsolutePath(), "samenspel-seal", PASSWORD);
        int managementPort = freePort();
        Map<String, Object> settings = new HashMap<>();
        settings.put("micronaut.server.port", -1);
        settings.put("endpoints.all.port", managementPort);
        settings.put("samenspel.documents.seal.keystore", keystore.toString());
        settings.put("samenspel.documents.seal.password", PASSWORD);

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings, "prod")) {
            JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
            byte[] model = json.writeValueAsBytes(Argument.of(DocumentModel.class), Samples.decisions());
            HttpResponse<byte[]> rendered = http.send(
                    HttpRequest.newBuilder(server.getURI().resolve("/render"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(model))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(rendered.statusCode()).isEqualTo(200);
            HttpResponse<byte[]> sealed = http.send(
                    HttpRequest.newBuilder(server.getURI().resolve("/seal"))
                            .header("Content-Type", "application/pdf")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(rendered.body()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(sealed.statusCode()).isEqualTo(200);

            URI management = URI.create("http://localhost:" + managementPort);
            HttpResponse<String> readiness = get(management.resolve("/health/readiness"));
            assertThat(readiness.statusCode()).isEqualTo(200);
            JsonNode ready = JSON.readTree(readiness.body());
            assertThat(ready.path("status").asText()).isEqualTo("UP");
            assertThat(ready.path("details").isObject()).isTrue();
            assertThat(JSON.readTree(get(management.resolve("/health/liveness")).body())
                            .path("status")
                            .asText())
                    .isEqualTo("UP");
            HttpResponse<String> metrics = get(management.resolve("/prometheus"));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains(
                            "http_server_requests_seconds_count{exception=\"none\",method=\"POST\",status=\"200\","
                                    + "uri=\"/render\"} 1",
                            "http_server_requests_seconds_count{exception=\"none\",method=\"POST\",status=\"200\","
                                    + "uri=\"/seal\"} 1",
                            "uri=\"/seal\",le=\"0.5\"}");

            assertThat(get(server.getURI().resolve("/health/readiness")).statusCode())
                    .isEqualTo(404);
            assertThat(get(server.getURI().resolve("/prometheus")).statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
