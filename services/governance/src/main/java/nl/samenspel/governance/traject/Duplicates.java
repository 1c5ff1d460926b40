package nl.samenspel.governance.traject;

import java.util.Optional;
import java.util.function.Supplier;
import nl.samenspel.core.problem.DatabaseConflicts;
import nl.samenspel.core.problem.ProblemException;

/** A race the checks lost (two people adding the same thing at once) as the 409 a client can act on. */
final class Duplicates {

    private Duplicates() {}

    /** Runs the work; a unique violation becomes a conflict with this code and detail. */
    static <T> T asConflict(String code, String detail, Supplier<T> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if ("23505".equals(DatabaseConflicts.sqlState(e).orElse(null))) {
                throw ProblemException.conflict(code, detail);
            }
            Optional<ProblemException> problem = DatabaseConflicts.problemFor(e);
            if (problem.isPresent()) {
                throw problem.get();
            }
            throw e;
        }
    }
}
