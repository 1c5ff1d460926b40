package nl.samenspel.governance.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the e-mail outbox. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances can dispatch side by side without sending a row twice. A failed send keeps the row with a
 * later retry time (exponential backoff up to an hour); nothing is dropped. Delivery is at least once:
 * if the commit after a successful send fails, the e-mail goes out again on the next round.
 */
@Singleton
public class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final int MAX_ERROR_LENGTH = 500;

    private final TransactionOperations<Connection> transactions;
    private final SmtpMailer mailer;
    private final Clock clock;
    private final int batchSize;
    private final Duration giveUpAfter;

    public OutboxDispatcher(
            TransactionOperations<Connection> transactions,
            SmtpMailer mailer,
            Clock clock,
            @Value("${samenspel.mail.batch-size:20}") int batchSize,
            @Value("${samenspel.mail.give-up-after:7d}") Duration giveUpAfter) {
        this.transactions = transactions;
        this.mailer = mailer;
        this.clock = clock;
        this.batchSize = batchSize;
        this.giveUpAfter = giveUpAfter;
    }

    /** Sends every due e-mail once (one attempt each); returns how many were delivered. */
    public int dispatchDue() {
        abandonStale();
        int delivered = 0;
        while (true) {
            Batch batch = transactions.executeWrite(status -> {
                try {
                    return dispatchBatch(status.getConnection());
                } catch (SQLException e) {
                    throw new IllegalStateException("could not work through the e-mail outbox", e);
                }
            });
            delivered += batch.delivered();
            if (batch.claimed() < batchSize) {
                return delivered;
            }
        }
    }

    /** Gives up on mail older than its useful life, clearing the body (it may hold a live link). */
    private void abandonStale() {
        Instant now = clock.instant();
        int abandoned = transactions.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement(
                            """
                            UPDATE outbox_email SET abandoned_at = ?, body_text = '', body_html = NULL, ical = NULL
                             WHERE sent_at IS NULL AND abandoned_at IS NULL AND created_at < ?""")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(now.minus(giveUpAfter)));
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not give up on stale e-mail", e);
            }
        });
        if (abandoned > 0) {
            LOG.warn("Gave up on {} e-mail(s) undelivered for more than {}", abandoned, giveUpAfter);
        }
    }

    private record Batch(int claimed, int delivered) {}

    private Batch dispatchBatch(Connection connection) throws SQLException {
        Instant now = clock.instant();
        List<OutboundEmail> due = claim(connection, now);
        int delivered = 0;
        for (OutboundEmail email : due) {
            try {
                mailer.send(email);
                markSent(connection, email, clock.instant());
                delivered++;
            } catch (Exception e) {
                int attempts = email.attempts() + 1;
                Instant next = clock.instant().plus(backoff(attempts));
                String error = shortError(e);
                // Never the body: it may hold a one-time link.
                LOG.warn("E-mail {} not sent (attempt {}), retrying at {}: {}", email.id(), attempts, next, error);
                markFailed(connection, email, attempts, next, error);
            }
        }
        return new Batch(due.size(), delivered);
    }

    /** 30 s after the first failure, doubling after each next one, at most an hour. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    static String shortError(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().replaceAll("\\s+", " ").trim());
            }
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }

    private List<OutboundEmail> claim(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                """
                SELECT id, recipient, subject, body_text, body_html, ical, attempts
                  FROM outbox_email
                 WHERE sent_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= ?
                 ORDER BY next_attempt_at, id
                 LIMIT ?
                   FOR UPDATE SKIP LOCKED""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, batchSize);
            List<OutboundEmail> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new OutboundEmail(
                            rs.getObject(1, java.util.UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getInt(7)));
                }
            }
            return due;
        }
    }

    private static void markSent(Connection connection, OutboundEmail email, Instant at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                """
                UPDATE outbox_email
                   SET sent_at = ?, attempts = attempts + 1, last_error = NULL,
                       body_text = '', body_html = NULL, ical = NULL
                 WHERE id = ?""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, email.id());
            ps.executeUpdate();
        }
    }

    private static void markFailed(Connection connection, OutboundEmail email, int attempts, Instant next, String error)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE outbox_email SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
            ps.setInt(1, attempts);
            ps.setTimestamp(2, Timestamp.from(next));
            ps.setString(3, error);
            ps.setObject(4, email.id());
            ps.executeUpdate();
        }
    }
}
