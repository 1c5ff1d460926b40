package nl.samenspel.governance.job;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.samenspel.governance.documents.DocumentsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Claims due jobs and hands each to the handler of its kind; a failure is recorded for a later retry. */
@Singleton
public class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    /** One job per claim: a claim's lease starts when its work does, not while others go first. */
    private static final int BATCH = 1;

    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;

    JobRunner(JobQueue queue, List<JobHandler> handlers) {
        this.queue = queue;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
    }

    /** Runs what is due now; returns how many jobs were attempted. */
    public int runDue() {
        int attempted = 0;
        List<JobQueue.Claimed> claimed;
        do {
            claimed = queue.claimDue(BATCH);
            for (JobQueue.Claimed job : claimed) {
                attempted++;
                JobHandler handler = handlers.get(job.kind());
                try {
                    if (handler == null) {
                        throw new IllegalStateException("no handler for job kind " + job.kind());
                    }
                    handler.run(job);
                } catch (RuntimeException | Error e) {
                    LOG.warn("job {} ({}) attempt {} failed", job.id(), job.kind(), job.attempt(), e);
                    queue.failed(
                            job,
                            e.getClass().getSimpleName() + ": " + e.getMessage(),
                            e instanceof DocumentsUnavailableException);
                    if (e instanceof Error error) {
                        throw error;
                    }
                }
            }
        } while (claimed.size() == BATCH);
        return attempted;
    }

    /** The schedule; tests switch it off ({@code samenspel.jobs.enabled=false}) and call {@link #runDue()}. */
    @Singleton
    @Requires(property = "samenspel.jobs.enabled", notEquals = "false")
    static class Schedule {

        private final JobRunner runner;

        Schedule(JobRunner runner) {
            this.runner = runner;
        }

        @Scheduled(fixedDelay = "${samenspel.jobs.interval:5s}", initialDelay = "5s")
        void run() {
            runner.runDue();
        }
    }
}
