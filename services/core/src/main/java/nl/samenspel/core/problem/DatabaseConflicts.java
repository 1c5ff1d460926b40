package nl.samenspel.core.problem;

import io.micronaut.http.HttpStatus;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns a constraint the database enforced — usually a race two requests lost against each other
 * after the service's own checks passed — into the 409 or 422 a client can act on.
 */
public final class DatabaseConflicts {

    private DatabaseConflicts() {}

    public static Optional<ProblemException> problemFor(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("OptimisticLockException")) {
                return Optional.of(ProblemException.conflict(
                        "conflict.version", "Someone else changed this in the meantime; reload and try again."));
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<ProblemException> mapped = forState(sql.getSQLState());
                if (mapped.isPresent()) {
                    return mapped;
                }
            }
        }
        return Optional.empty();
    }

    /** The SQLState of the first {@link SQLException} among the causes, if any. */
    public static Optional<String> sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    static Optional<ProblemException> forState(String state) {
        return Optional.ofNullable(
                switch (state) {
                    case "23505" -> ProblemException.conflict("conflict.duplicate", "This already exists.");
                    case "23P01" -> ProblemException.conflict(
                            "conflict.overlap", "This overlaps with a period that is already recorded.");
                    case "23503" -> ProblemException.conflict(
                            "conflict.reference", "This refers to something that does not exist or is still in use.");
                        // 22021/22P05: a NUL or otherwise unstorable character in a text.
                    case "23514", "23502", "22001", "22003", "22007", "22008", "22021", "22P05" -> new ProblemException(
                            HttpStatus.UNPROCESSABLE_ENTITY, "request.invalid", "A value is outside what is allowed.");
                        // 55000: a trigger refusing because of the state something is in (a closed vote).
                    case "55000" -> ProblemException.conflict(
                            "conflict.state", "This can no longer be done in the state it is in.");
                    case "40001", "40P01" -> ProblemException.conflict(
                            "conflict.retry", "Another change got in the way; please try again.");
                    default -> null;
                });
    }
}
