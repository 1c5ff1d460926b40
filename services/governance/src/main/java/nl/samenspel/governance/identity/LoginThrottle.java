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

    /**
     * Counts this attempt before the password is checked, in one atomic statement, so parallel
     * guesses cannot outrun the limit; throws a 429 while the address is locked or when this attempt
     * is over the limit. Returns how many attempts the current window has seen, this one included.
     */
    public int begin(String emailKey) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(lock));
        record Count(int attempts, Instant lockedUntil) {}
        Count count = transactions.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement(
                            """
                            INSERT INTO login_throttle AS t (email_key, failures, first_failure_at)
                            VALUES (?, 1, ?)
                            ON CONFLICT (email_key) DO UPDATE SET
                              failures = CASE WHEN t.locked_until > ? THEN t.failures
                                              WHEN t.first_failure_at < ? THEN 1
                                              ELSE t.failures + 1 END,
                              first_failure_at = CASE WHEN t.locked_until > ? THEN t.first_failure_at
                                                      WHEN t.first_failure_at < ? THEN EXCLUDED.first_failure_at
                                                      ELSE t.first_failure_at END
                            RETURNING failures, locked_until""")) {
                ps.setString(1, emailKey);
                ps.setTimestamp(2, at);
                ps.setTimestamp(3, at);
                ps.setTimestamp(4, windowStart);
                ps.setTimestamp(5, at);
                ps.setTimestamp(6, windowStart);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp until = rs.getTimestamp(2);
                    return new Count(rs.getInt(1), until == null ? null : until.toInstant());
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        if (count.lockedUntil() != null && count.lockedUntil().isAfter(now)) {
            throw locked(now, count.lockedUntil());
        }
        if (count.attempts() > maxFailures) {
            throw locked(now, lockNow(emailKey, now));
        }
        return count.attempts();
    }

    /** A wrong password: the attempt was already counted; the last one allowed locks the address. */
    public void failed(String emailKey, int attempts) {
        if (attempts >= maxFailures) {
            lockNow(emailKey, clock.instant());
        }
    }

    private Instant lockNow(String emailKey, Instant now) {
        Instant until = now.plus(lock);
        transactions.executeWrite(status -> {
            try (PreparedStatement lockIt = status.getConnection()
                    .prepareStatement(
                            "UPDATE login_throttle SET locked_until = ?, failures = 0, first_failure_at = ? WHERE email_key = ?")) {
                lockIt.setTimestamp(1, Timestamp.from(until));
                lockIt.setTimestamp(2, Timestamp.from(now));
                lockIt.setString(3, emailKey);
                lockIt.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return until;
    }

    private static ProblemException locked(Instant now, Instant lockedUntil) {
        long seconds = Math.max(1, Duration.between(now, lockedUntil).toSeconds());
        return new ProblemException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "auth.locked",
                        "Too many failed login attempts. Try again in " + ((seconds + 59) / 60) + " minutes.")
                .withHeader("Retry-After", Long.toString(seconds));
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
