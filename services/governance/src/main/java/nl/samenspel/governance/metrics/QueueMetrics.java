package nl.samenspel.governance.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import nl.samenspel.core.db.Sql;
import nl.samenspel.governance.job.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code samenspel_jobs_queued{kind}} (jobs not yet done, retries included; every kind with a handler,
 * 0 when none wait) and {@code samenspel_outbox_pending} (e-mail neither sent nor given up). Both are
 * platform tables without row-level security, read across all coalitions as the job runner and the
 * dispatcher read them. Counted on a schedule, not while Prometheus scrapes, so that a scrape never
 * waits on the database; NaN until the first count and while the database cannot be read.
 *
 * <p>The database and the handlers are looked up only when counting: the meter registry binds this
 * while the datasource is being made (the pool's own metrics), so asking for either here would loop.
 */
@Singleton
public class QueueMetrics implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(QueueMetrics.class);

    private final BeanProvider<TransactionOperations<Connection>> transactions;
    private final BeanProvider<JobHandler> handlers;
    private final AtomicReference<Double> outbox = new AtomicReference<>(Double.NaN);
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile MultiGauge jobs;

    QueueMetrics(BeanProvider<TransactionOperations<Connection>> transactions, BeanProvider<JobHandler> handlers) {
        this.transactions = transactions;
        this.handlers = handlers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        jobs = MultiGauge.builder("samenspel.jobs.queued")
                .description("Jobs not yet done (waiting, running or waiting for a retry), per kind")
                .register(registry);
        Gauge.builder("samenspel.outbox.pending", outbox, AtomicReference::get)
                .description("E-mails in the outbox neither sent nor given up")
                .register(registry);
    }

    /**
     * Counts both queues now; the schedule calls it, tests too. The first count waits until the service
     * has started: it makes every job handler (the sealer among them), work that would otherwise compete
     * with the start for the CPU.
     */
    @Scheduled(fixedDelay = "${samenspel.metrics.queue-refresh:15s}", initialDelay = "5s")
    public void refresh() {
        Map<String, Double> depths = new TreeMap<>();
        try {
            handlers.stream().forEach(handler -> depths.put(handler.kind(), 0.0));
            long unsent = transactions.get().executeRead(status -> {
                Sql sql = Sql.on(status.getConnection());
                sql.list(
                                "SELECT kind, count(*) AS n FROM job WHERE status = 'PENDING' GROUP BY kind",
                                rs -> Map.entry(rs.getString("kind"), rs.getLong("n")))
                        .forEach(e -> depths.put(e.getKey(), (double) e.getValue()));
                return sql.one(
                                "SELECT count(*) AS n FROM outbox_email WHERE sent_at IS NULL AND abandoned_at IS NULL",
                                rs -> rs.getLong("n"))
                        .orElse(0L);
            });
            outbox.set((double) unsent);
            if (failing.getAndSet(false)) {
                LOG.info("Queue metrics are counted again");
            }
        } catch (RuntimeException e) {
            depths.replaceAll((kind, n) -> Double.NaN);
            outbox.set(Double.NaN);
            if (!failing.getAndSet(true)) {
                LOG.warn("Cannot count the job queue and the outbox for the metrics: {}", e.toString());
            }
        }
        MultiGauge gauge = jobs;
        if (gauge != null) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            depths.forEach((kind, n) -> rows.add(MultiGauge.Row.of(Tags.of("kind", kind), n)));
            gauge.register(rows, true);
        }
    }
}
