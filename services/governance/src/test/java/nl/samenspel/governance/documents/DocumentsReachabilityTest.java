package nl.samenspel.governance.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

/**
 * Governance's view of a separate documents service for readiness and the gauge: UP while the real
 * service answers, DEGRADED (still operational) when nothing listens at the URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsReachabilityTest {

    private DocumentsServer documentsService;

    @BeforeAll
    void start() {
        documentsService = DocumentsServer.start(true);
    }

    @AfterAll
    void stop() throws Exception {
        documentsService.close();
    }

    private static ApplicationContext governance(String url) {
        return ApplicationContext.builder()
                .enableDefaultPropertySources(false)
                .properties(Map.of(DocumentsUrl.PROPERTY, url))
                .start();
    }

    private static HealthResult health(DocumentsReachability reachability) {
        return Mono.from(reachability.getResult()).block();
    }

    @Test
    void a_running_documents_service_is_up() {
        try (ApplicationContext context = governance(documentsService.uri().toString())) {
            DocumentsReachability reachability = context.getBean(DocumentsReachability.class);
            assertThat(health(reachability).getStatus()).isEqualTo(HealthStatus.UNKNOWN);

            reachability.check();

            HealthResult result = health(reachability);
            assertThat(result.getName()).isEqualTo("documents");
            assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
            assertThat(context.getBean(MeterRegistry.class)
                            .get("samenspel.documents.reachable")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void nothing_listening_is_degraded_not_down() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (ApplicationContext context = governance("http://127.0.0.1:" + closed)) {
            DocumentsReachability reachability = context.getBean(DocumentsReachability.class);

            reachability.check();

            HealthResult result = health(reachability);
            assertThat(result.getStatus()).isEqualTo(DocumentsReachability.DEGRADED);
            // Operational: readiness stays 200 and the replica keeps its traffic.
            assertThat(result.getStatus().getOperational()).isEmpty();
            assertThat(result.getStatus()).isGreaterThan(HealthStatus.UP).isLessThan(HealthStatus.DOWN);
            assertThat(result.getDetails().toString()).contains("url=", "checkedAt=", "error=");
            assertThat(context.getBean(MeterRegistry.class)
                            .get("samenspel.documents.reachable")
                            .gauge()
                            .value())
                    .isZero();
        }
    }

    @Test
    void without_a_url_there_is_nothing_to_check() {
        try (ApplicationContext context = governance(" ")) {
            assertThat(context.findBean(DocumentsReachability.class)).isEmpty();
        }
    }
}
