package nl.samenspel.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenspel.core.config.MissingSettingsException;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.documents.seal.TestKeystores;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.demo.DemoData;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Browser;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Governance started in the prod environment in this JVM, as the container starts it: refused with a
 * message naming each missing setting before anything connects, and with every setting given it runs
 * with secure cookies, no demo data, probes and Prometheus on the management port only, and logs that
 * hold none of its secrets.
 */
class ProductionStartTest implements DatabaseTest {

    private static final String JWT_SECRET = "prod-jwt-secret-4f1c9a7e2b6d8035c1e9a4f7";
    private static final String SMTP_PASSWORD = "prod-smtp-password-8e3b1d";
    private static final String SEAL_PASSWORD = "prod-seal-password-2a7c5f";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private Path keystore;
    private int managementPort;

    @BeforeAll
    void prepare() throws IOException {
        keystore = TestKeystores.write(
                Path.of("target", "prod-start", "seal.p12").toAbsolutePath(), "samenspel-seal", SEAL_PASSWORD);
        managementPort = freePort();
        TestDatabase db = DatabaseTest.database();
        // The migration job first, as in a deployment (the prod app does not migrate at start).
        assertThat(Migrate.run(Map.of(
                        "samenspel.db.url", db.ownerUrl(), "samenspel.db.owner-password", db.rolePassword())::get))
                .isZero();
    }

    /** Everything the contract requires, as the Helm chart gives it (here as properties, not variables). */
    private Map<String, Object> prodSettings() {
        Map<String, Object> settings = new HashMap<>(getProperties());
        // The tests' own shortcuts that prod does not allow.
        settings.remove("samenspel.secure-cookies");
        settings.remove("flyway.datasources.migration.password");
        settings.put("samenspel.jwt-secret", JWT_SECRET);
        settings.put("samenspel.public-url", "https://samenspel.example.nl");
        settings.put("samenspel.mail.host", "127.0.0.1");
        settings.put("samenspel.mail.password", SMTP_PASSWORD);
        settings.put("samenspel.documents.seal.keystore", keystore.toString());
        settings.put("samenspel.documents.seal.password", SEAL_PASSWORD);
        settings.put("endpoints.all.port", managementPort);
        return settings;
    }

    @Test
    void a_missing_smtp_password_stops_the_start_with_its_name_before_the_database_is_touched() {
        Map<String, Object> settings = prodSettings();
        settings.remove("samenspel.mail.password");
        // Nothing listens here: had the datasource or Flyway gone first, this would be a connection error.
        settings.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:9/nothing-listens");

        Throwable failure = catchThrowable(() -> ApplicationContext.builder()
                .environments("prod")
                .properties(settings)
                .start()
                .close());

        assertThat(failure).isNotNull();
        assertThat(rootCause(failure))
                .isInstanceOf(MissingSettingsException.class)
                .hasMessage("Samenspel governance cannot start in the prod environment; set these and start again:\n"
                        + "  - SAMENSPEL_SMTP_PASSWORD (samenspel.mail.password): not set");
    }

    @Test
    void several_missing_settings_are_all_named_at_once() {
        Map<String, Object> settings = prodSettings();
        settings.remove("samenspel.documents.seal.keystore");
        settings.remove("samenspel.documents.seal.password");
        settings.put("samenspel.jwt-secret", "too-short");

        Throwable failure = catchThrowable(() -> ApplicationContext.builder()
                .environments("prod")
                .properties(settings)
                .start()
                .close());

        assertThat(((MissingSettingsException) rootCause(failure)).problems())
                .containsExactly(
                        "SAMENSPEL_JWT_SECRET (samenspel.jwt-secret): too short, use at least 32 bytes",
                        "SAMENSPEL_SEAL_KEYSTORE (samenspel.documents.seal.keystore): not set"
                                + " (SAMENSPEL_DOCUMENTS_URL is blank, so governance seals in-process)",
                        "SAMENSPEL_SEAL_PASSWORD (samenspel.documents.seal.password): not set"
                                + " (SAMENSPEL_DOCUMENTS_URL is blank, so governance seals in-process)");
        assertThat(failure.toString()).doesNotContain("too-short");
    }

    @Test
    void with_every_setting_it_runs_securely_and_logs_no_secret() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> json = jsonAppender(root.getLoggerContext(), logged);
        root.addAppender(json);
        root.setLevel(Level.INFO); // as in prod (the tests' own logback-test.xml says WARN)
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, prodSettings(), "prod")) {
            ApplicationContext context = server.getApplicationContext();
            assertThat(context.getEnvironment().getActiveNames()).contains("prod");
            assertThat(context.getBeanDefinitions(DemoData.class)).isEmpty();

            Fixtures fixtures = context.getBean(Fixtures.class);
            Account secretary = fixtures.member(
                    fixtures.coalition("prod", LegalForm.SAMENWERKINGSVERBAND),
                    "prod-secretaris",
                    CoalitionRole.SECRETARY);
            Browser browser = new Browser(server);
            Browser.Page form = browser.get("/login");
            assertThat(form.status()).isEqualTo(200);
            assertThat(form.setCookie("__Host-csrfToken")).contains("Secure").containsIgnoringCase("HttpOnly");
            Browser.Page wrong = browser.post(
                    "/login",
                    Map.of("email", secretary.email(), "password", "not the password", "csrfToken", form.csrfToken()));
            assertThat(wrong.status()).isEqualTo(401);
            Browser.Page loggedIn = browser.post(
                    "/login",
                    Map.of("email", secretary.email(), "password", Fixtures.PASSWORD, "csrfToken", form.csrfToken()));
            assertThat(loggedIn.status()).isEqualTo(303);
            assertThat(loggedIn.setCookie("JWT"))
                    .contains("Secure", "SameSite=Lax")
                    .containsIgnoringCase("HttpOnly");

            // Probes and Prometheus: on the management port, with details there, and not on the main port.
            URI management = URI.create("http://localhost:" + managementPort);
            HttpResponse<String> readiness = get(management.resolve("/health/readiness"));
            assertThat(readiness.statusCode()).isEqualTo(200);
            JsonNode ready = JSON.readTree(readiness.body());
            assertThat(ready.path("status").asText()).isEqualTo("UP");
            assertThat(ready.path("details").path("jdbc").path("status").asText())
                    .isEqualTo("UP");
            HttpResponse<String> liveness = get(management.resolve("/health/liveness"));
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(liveness.body()).path("status").asText()).isEqualTo("UP");
            HttpResponse<String> metrics = get(management.resolve("/prometheus"));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("samenspel_login_failures_total", "http_server_requests_seconds_count");
            assertThat(browser.get("/health/readiness").status()).isNotEqualTo(200);
            assertThat(browser.get("/prometheus").status()).isNotEqualTo(200);
        } finally {
            root.setLevel(level);
            root.detachAppender(json);
            json.stop();
        }

        String output = logged.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).as("the start logs at INFO").hasSizeGreaterThan(3);
        assertThat(lines).allSatisfy(line -> assertThat(line.has("level") && line.has("formattedMessage"))
                .isTrue());
        assertThat(output)
                .doesNotContain(JWT_SECRET)
                .doesNotContain(SMTP_PASSWORD)
                .doesNotContain(SEAL_PASSWORD)
                .doesNotContain(DatabaseTest.database().rolePassword());
    }

    /** The encoder application logback.xml uses in prod, configured the same way. */
    private static OutputStreamAppender<ILoggingEvent> jsonAppender(LoggerContext context, ByteArrayOutputStream out) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("prod-json-capture");
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        return appender;
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
