package nl.samenspel.governance.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.job.JobRunner;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.Superuser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator's Prometheus scrapes from {@code /prometheus} (on the main port outside prod), and the
 * probes: request counts and latency buckets, failed logins, the job queue, the outbox and the time a
 * verantwoordingspakket took, each with the value the product's own state says it should have.
 */
@MicronautTest(transactional = false)
class MetricsTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    JobRunner jobs;

    @Inject
    QueueMetrics queues;

    private static final String PROMETHEUS_ACCEPT =
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private final HttpClient http = HttpClient.newHttpClient();

    Api api;
    CoalitionResponse coalition;
    Account secretary;
    String token;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("metriek", LegalForm.SAMENWERKINGSVERBAND);
        secretary = fixtures.member(coalition, "metriek-secretaris", CoalitionRole.SECRETARY);
        token = api.login(secretary.email(), Fixtures.PASSWORD);
    }

    /** As Prometheus asks: its own Accept header, no credentials. */
    private String scrape() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(server.getURI().resolve("/prometheus"))
                            .header("Accept", PROMETHEUS_ACCEPT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the sample with exactly this name and these labels (in Prometheus' order), if present. */
    private static OptionalDouble sample(String scrape, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    private static double value(String scrape, String series) {
        OptionalDouble value = sample(scrape, series);
        assertThat(value).as(series + " in the scrape").isPresent();
        return value.getAsDouble();
    }

    @Test
    void requests_are_counted_with_latency_buckets_per_route() {
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

        String scrape = scrape();

        String labels = "{exception=\"none\",method=\"GET\",status=\"200\",uri=\"/api/v1/me\"}";
        assertThat(value(scrape, "http_server_requests_seconds_count" + labels)).isGreaterThanOrEqualTo(2);
        assertThat(value(scrape, "http_server_requests_seconds_sum" + labels)).isPositive();
        // The configured buckets, for quantiles: every request falls below +Inf.
        double inf = value(
                scrape,
                "http_server_requests_seconds_bucket{exception=\"none\",method=\"GET\",status=\"200\","
                        + "uri=\"/api/v1/me\",le=\"+Inf\"}");
        assertThat(inf).isEqualTo(value(scrape, "http_server_requests_seconds_count" + labels));
        assertThat(scrape).contains("uri=\"/api/v1/me\",le=\"0.1\"}");
    }

    @Test
    void failed_logins_count_exactly_the_wrong_passwords() {
        double before = value(scrape(), "samenspel_login_failures_total");

        Map<String, String> wrong = Map.of("email", secretary.email(), "password", "not the password");
        assertThat(api.post("/api/v1/auth/token", null, wrong).status()).isEqualTo(401);
        Map<String, String> unknown =
                Map.of("email", "nobody-" + Fixtures.unique("x") + "@example.nl", "password", "x");
        assertThat(api.post("/api/v1/auth/token", null, unknown).status()).isEqualTo(401);
        api.login(secretary.email(), Fixtures.PASSWORD); // a good login does not count

        assertThat(value(scrape(), "samenspel_login_failures_total")).isEqualTo(before + 2);
    }

    @Test
    void a_pack_queues_a_job_and_its_making_is_timed() {
        String base = "/api/v1/coalitions/" + coalition.slug();
        Map<String, Object> subsidy = new LinkedHashMap<>(Map.of(
                "year", 2024,
                "title", "Opdracht preventie 2024",
                "scope", "Opdracht preventie 2024",
                "grantor", "Gemeente Deventer",
                "amountCents", 10000000L,
                "periodFrom", "2024-01-01",
                "periodUntil", "2024-12-31",
                "verantwoordingDue", "2025-05-01",
                "accountantThresholdCents", 12500000L,
                "varianceThresholdPct", "5.00"));
        Api.Response created = api.post(base + "/subsidies", token, subsidy);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String before = scrape();
        double made = sample(before, "samenspel_pack_duration_seconds_count{outcome=\"made\"}")
                .orElse(0);
        double time = sample(before, "samenspel_pack_duration_seconds_sum{outcome=\"made\"}")
                .orElse(0);

        Api.Response requested =
                api.post(base + "/subsidies/" + created.json().get("id").asText() + "/packs", token, "{}");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        queues.refresh();
        String queued = scrape();
        long pending = Superuser.count(
                "SELECT count(*) FROM samenspel.job WHERE kind = 'VERANTWOORDINGSPAKKET'" + " AND status = 'PENDING'");
        assertThat(pending).isPositive();
        assertThat(value(queued, "samenspel_jobs_queued{kind=\"VERANTWOORDINGSPAKKET\"}"))
                .isEqualTo(pending);
        assertThat(value(queued, "samenspel_jobs_queued{kind=\"SEAL_SIGNED_DOCUMENT\"}"))
                .isEqualTo(Superuser.count("SELECT count(*) FROM samenspel.job WHERE kind = 'SEAL_SIGNED_DOCUMENT'"
                        + " AND status = 'PENDING'"));

        jobs.runDue();
        queues.refresh();
        String after = scrape();

        assertThat(value(after, "samenspel_jobs_queued{kind=\"VERANTWOORDINGSPAKKET\"}"))
                .isEqualTo(Superuser.count("SELECT count(*) FROM samenspel.job WHERE kind = 'VERANTWOORDINGSPAKKET'"
                        + " AND status = 'PENDING'"))
                .isLessThan(pending);
        assertThat(value(after, "samenspel_pack_duration_seconds_count{outcome=\"made\"}"))
                .isGreaterThanOrEqualTo(made + 1);
        assertThat(value(after, "samenspel_pack_duration_seconds_sum{outcome=\"made\"}"))
                .isGreaterThan(time);
    }

    @Test
    void the_outbox_gauge_is_the_number_of_unsent_mails() {
        queues.refresh();

        assertThat(value(scrape(), "samenspel_outbox_pending"))
                .isEqualTo(Superuser.count("SELECT count(*) FROM samenspel.outbox_email"
                        + " WHERE sent_at IS NULL AND abandoned_at IS NULL"));
    }

    @Test
    void the_probes_answer_anonymously_with_no_details_on_the_main_port() {
        for (String probe : new String[] {"/health/liveness", "/health/readiness", "/health"}) {
            Api.Response anonymous = api.get(probe, null);
            assertThat(anonymous.status()).as(probe).isEqualTo(200);
            assertThat(anonymous.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
            // Not for a logged-in user either: database and disk are nobody's business on this port.
            assertThat(api.get(probe, token).body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void no_other_management_endpoint_is_reachable_even_logged_in() {
        for (String endpoint : new String[] {
            "/env", "/beans", "/loggers", "/routes", "/info", "/threaddump", "/metrics", "/refresh", "/caches", "/stop"
        }) {
            assertThat(api.get(endpoint, token).status()).as(endpoint).isIn(401, 403, 404, 405);
            assertThat(api.post(endpoint, token, "{}").status()).as(endpoint).isIn(401, 403, 404, 405);
        }
    }
}
