package nl.samenspel.governance.job;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.tenancy.CoalitionId;

/**
 * The platform's job table: long work for any coalition, claimed with {@code FOR UPDATE SKIP LOCKED}
 * by whichever replica is free. A claim moves the job's next attempt a lease ahead, so the work of a
 * replica that died is taken up again once the lease ({@code samenspel.jobs.lease}, default 5 minutes:
 * longer than any job takes) has run out; handlers must therefore be idempotent. A failed attempt is retried later, with a growing pause, up to {@link #MAX_ATTEMPTS}.
 */
@Singleton
public class JobQueue {

    public static final int MAX_ATTEMPTS = 8;

    /** What the table knows of a job that has just been claimed. */
    public record Claimed(UUID id, CoalitionId coalition, String kind, UUID subjectId, int attempt) {}

    /** A job as the product shows it. */
    public record Status(String state, int attempts, int progress, String lastError) {}

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration lease;

    JobQueue(
            TransactionOperations<Connection> transactions,
            Clock clock,
            @Value("${samenspel.jobs.lease:5m}") Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("samenspel.jobs.lease must be positive, was " + lease);
        }
        this.transactions = transactions;
        this.clock = clock;
        this.lease = lease;
    }

    private Sql sql() {
        return Sql.on(transactions.getConnection());
    }

    /** Inside the caller's transaction; a job of the same kind for the same subject is not queued twice. */
    public void enqueue(CoalitionId coalition, String kind, UUID subjectId) {
        Instant now = clock.instant();
        sql().update(
                        """
                INSERT INTO job (id, coalition_id, kind, subject_id, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (kind, coalition_id, subject_id) DO NOTHING""",
                        UUID.randomUUID(),
                        coalition.value(),
                        kind,
                        subjectId,
                        now,
                        now);
    }

    /** Claims up to {@code limit} due jobs in a transaction of its own. */
    List<Claimed> claimDue(int limit) {
        Instant now = clock.instant();
        return transactions.executeWrite(status -> {
            // A job that took its process down on every attempt (never reaching failed()) stops here.
            sql().update(
                            "UPDATE job SET status = 'FAILED', finished_at = ?,"
                                    + " last_error = coalesce(last_error, 'gave up: no attempt finished')"
                                    + " WHERE status = 'PENDING' AND attempts >= ? AND next_attempt_at <= ?",
                            now,
                            MAX_ATTEMPTS,
                            now);
            return sql().list(
                            """
                UPDATE job SET attempts = attempts + 1, next_attempt_at = ?
                 WHERE id IN (SELECT id FROM job WHERE status = 'PENDING' AND next_attempt_at <= ? AND attempts < ?
                               ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, coalition_id, kind, subject_id, attempts""",
                            rs -> new Claimed(
                                    Sql.uuid(rs, "id"),
                                    CoalitionId.of(Sql.uuid(rs, "coalition_id")),
                                    rs.getString("kind"),
                                    Sql.uuid(rs, "subject_id"),
                                    rs.getInt("attempts")),
                            now.plus(lease),
                            now,
                            MAX_ATTEMPTS,
                            limit);
        });
    }

    /** In a transaction of its own, so that it shows while the job is still working. */
    public void progress(UUID jobId, int percent) {
        transactions.executeWrite(status -> sql().update(
                        "UPDATE job SET progress = ? WHERE id = ? AND status = 'PENDING'",
                        Math.max(0, Math.min(99, percent)),
                        jobId));
    }

    /** Inside the transaction that did the job's work, so that both commit together. */
    public void done(UUID jobId) {
        sql().update(
                        "UPDATE job SET status = 'DONE', progress = 100, finished_at = ?, last_error = NULL"
                                + " WHERE id = ? AND status = 'PENDING'",
                        clock.instant(),
                        jobId);
    }

    /**
     * In a transaction of its own: the next attempt after a pause, or given up after the last. A
     * {@code transient} failure (a service that cannot be reached) never uses up the attempts: it is
     * tried again, at most an hour later, until the service is back.
     */
    void failed(Claimed job, String error, boolean transientFailure) {
        Instant now = clock.instant();
        String message = error == null || error.isBlank() ? "failed" : error;
        String kept = message.length() > 500 ? message.substring(0, 500) : message;
        boolean last = !transientFailure && job.attempt() >= MAX_ATTEMPTS;
        transactions.executeWrite(status -> sql().update(
                        """
                UPDATE job SET last_error = ?, next_attempt_at = ?,
                               attempts = CASE WHEN ? THEN least(attempts, ?) ELSE attempts END,
                               status = CASE WHEN ? THEN 'FAILED' ELSE status END,
                               finished_at = CASE WHEN ? THEN ? ELSE finished_at END
                 WHERE id = ? AND status = 'PENDING'""",
                        kept,
                        now.plus(backoff(job.attempt())),
                        transientFailure,
                        MAX_ATTEMPTS - 1,
                        last,
                        last,
                        now,
                        job.id()));
    }

    /** 30 s, 1 min, 2 min, … up to an hour. */
    static Duration backoff(int attempt) {
        long seconds = 30L << Math.min(Math.max(attempt - 1, 0), 7);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    /** The job of that kind for that subject, if one was ever queued. */
    public java.util.Optional<Status> status(CoalitionId coalition, String kind, UUID subjectId) {
        return sql().one(
                        "SELECT status, attempts, progress, last_error FROM job"
                                + " WHERE kind = ? AND coalition_id = ? AND subject_id = ?",
                        rs -> new Status(
                                rs.getString("status"),
                                rs.getInt("attempts"),
                                rs.getInt("progress"),
                                rs.getString("last_error")),
                        kind,
                        coalition.value(),
                        subjectId);
    }
}
