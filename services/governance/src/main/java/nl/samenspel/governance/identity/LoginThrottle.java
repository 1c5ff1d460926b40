package nl.samenspel.governance.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
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
import nl.samenspel.core.problem.ProblemException;

/**
 * Locks an e-mail address for a while after repeated failed logins. Counted per address, existing or
 * not, and the lock applies even to the right password, so neither the status nor the timing says
 * whether an account exists.
 */
@Singleton
public class LoginThrottle {

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;

    public LoginThrottle(
            TransactionOperations<Connection> transactions,
            Clock clock,
            @Value("${samenspel.login.max-failures:5}") int maxFailures,
            @Value("${samenspel.login.lock-minutes:15}") int lockMinutes) {
        this.transactions = transactions;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
    }

    /** Throws a 429 when the address is locked. */
    public void check(String emailKey) {
        Instant lockedUntil = transactions.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT locked_until FROM login_throttle WHERE email_key = ?")) {
                ps.setString(1, emailKey);
                try (ResultSet rs = ps.executeQuery()) {
                    Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
                    return at == null ? null : at.toInstant();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Instant now = clock.instant();
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            long seconds = Math.max(1, Duration.between(now, lockedUntil).toSeconds());
            throw new ProblemException(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "auth.locked",
                            "Too many failed login attempts. Try again in " + ((seconds + 59) / 60) + " minutes.")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
    }

    public void recordFailure(String emailKey) {
        Instant now = clock.instant();
        transactions.executeWrite(status -> {
            // Failures older than the lock window start a new count.
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement(
                            """
                            INSERT INTO login_throttle AS t (email_key, failures, first_failure_at)
                            VALUES (?, 1, ?)
                            ON CONFLICT (email_key) DO UPDATE SET
                              failures = CASE WHEN t.first_failure_at < ? THEN 1 ELSE t.failures + 1 END,
                              first_failure_at = CASE WHEN t.first_failure_at < ? THEN EXCLUDED.first_failure_at
                                                      ELSE t.first_failure_at END
                            RETURNING failures""")) {
                Timestamp windowStart = Timestamp.from(now.minus(lock));
                ps.setString(1, emailKey);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setTimestamp(3, windowStart);
                ps.setTimestamp(4, windowStart);
                int failures;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    failures = rs.getInt(1);
                }
                if (failures >= maxFailures) {
                    try (PreparedStatement lockIt = status.getConnection()
                            .prepareStatement(
                                    "UPDATE login_throttle SET locked_until = ?, failures = 0, first_failure_at = ? WHERE email_key = ?")) {
                        lockIt.setTimestamp(1, Timestamp.from(now.plus(lock)));
                        lockIt.setTimestamp(2, Timestamp.from(now));
                        lockIt.setString(3, emailKey);
                        lockIt.executeUpdate();
                    }
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public void clear(String emailKey) {
        transactions.executeWrite(status -> {
            try (PreparedStatement ps =
                    status.getConnection().prepareStatement("DELETE FROM login_throttle WHERE email_key = ?")) {
                ps.setString(1, emailKey);
                ps.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
