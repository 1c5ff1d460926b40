package nl.samenspel.governance.documents;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the documents service at {@code samenspel.documents.url} answers ({@code GET /seal/certificate},
 * on its main port), checked on a schedule so that a probe never waits for it. Part of
 * {@code /health/readiness} as {@code documents}, but an unreachable service is {@link #DEGRADED}, which
 * keeps readiness at HTTP 200: governance serves everything else meanwhile and its jobs wait and retry,
 * so taking every replica out of the load balancer would turn a documents outage into a full one. Also
 * the gauge {@code samenspel_documents_reachable} (1, 0; NaN before the first check), to alert on.
 */
@Singleton
@Requires(condition = DocumentsUrl.class)
public class DocumentsReachability implements HealthIndicator, MeterBinder {

    /** Operational (not mapped to 503), above UP and below DOWN when readiness takes the worst status. */
    public static final HealthStatus DEGRADED = new HealthStatus(
            "DEGRADED", "the documents service does not answer; rendering and sealing wait", null, 500);

    private static final Logger LOG = LoggerFactory.getLogger(DocumentsReachability.class);

    private record Check(boolean reachable, Instant at, String error) {}

    private final URI url;
    private final HttpClient http;
    private final Clock clock;
    private final AtomicReference<Check> last = new AtomicReference<>();

    DocumentsReachability(
            @Value("${" + DocumentsUrl.PROPERTY + "}") String url,
            @Value("${samenspel.documents.health-timeout:3s}") Duration timeout,
            Clock clock) {
        this.url = URI.create(url.strip());
        this.clock = clock;
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(timeout);
        configuration.setReadTimeout(timeout);
        configuration.setExceptionOnErrorStatus(false);
        configuration.setFollowRedirects(false);
        try {
            this.http = HttpClient.create(this.url.toURL(), configuration);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException(DocumentsUrl.PROPERTY + " is not a URL: " + url, e);
        }
    }

    /** Asks the documents service now; the schedule calls it, tests too. */
    @Scheduled(fixedDelay = "${samenspel.documents.health-interval:15s}", initialDelay = "2s")
    public void check() {
        Check check;
        try {
            HttpResponse<?> response = http.toBlocking().exchange(HttpRequest.GET("/seal/certificate"));
            check = response.code() == 200
                    ? new Check(true, clock.instant(), null)
                    : new Check(false, clock.instant(), "answered " + response.code());
        } catch (RuntimeException e) {
            check = new Check(false, clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Check before = last.getAndSet(check);
        boolean changed = before == null ? !check.reachable() : before.reachable() != check.reachable();
        if (changed && check.reachable()) {
            LOG.info("The documents service at {} answers again", url);
        } else if (changed) {
            LOG.warn("The documents service at {} does not answer: {}", url, check.error());
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Check check = last.get();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", url.toString());
        HealthStatus status;
        if (check == null) {
            status = HealthStatus.UNKNOWN;
            details.put("checked", "not yet");
        } else {
            status = check.reachable() ? HealthStatus.UP : DEGRADED;
            details.put("checkedAt", check.at().toString());
            if (check.error() != null) {
                details.put("error", check.error());
            }
        }
        return Publishers.just(
                HealthResult.builder("documents", status).details(details).build());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("samenspel.documents.reachable", last, l -> {
                    Check check = l.get();
                    return check == null ? Double.NaN : check.reachable() ? 1 : 0;
                })
                .description("1 when the documents service answered the last check, 0 when it did not")
                .register(registry);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
