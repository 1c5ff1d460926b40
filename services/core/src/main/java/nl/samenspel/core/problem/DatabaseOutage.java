package nl.samenspel.core.problem;

import io.micronaut.http.HttpStatus;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * The database cannot be reached right now: it is restarting or failing over, a connection broke
 * under a statement, or the pool found none in time. Not a defect, so not a 500: a 503 with
 * {@code Retry-After}, after which the same request may be sent again (a vote with its
 * {@code Idempotency-Key} lands once however often it is repeated).
 */
public final class DatabaseOutage {

    public static final String CODE = "database.unavailable";
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseOutage() {}

    public static Optional<ProblemException> problemFor(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (connectionLost(t)) {
                return Optional.of(new ProblemException(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                CODE,
                                "The service cannot reach its database at the moment; try again in a few seconds.")
                        .withHeader("Retry-After", RETRY_AFTER_SECONDS));
            }
        }
        return Optional.empty();
    }

    private static boolean connectionLost(Throwable t) {
        if (t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException) {
            return true;
        }
        // Micronaut Data could not get or prepare a connection (a pooled one that the restart closed).
        if (t.getClass().getName().equals("io.micronaut.data.connection.exceptions.ConnectionException")) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // Class 08: connection exceptions; 57P01–57P03: the server is shutting down, crashed or
            // not yet accepting connections (a restart, a fail-over).
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        return false;
    }
}
