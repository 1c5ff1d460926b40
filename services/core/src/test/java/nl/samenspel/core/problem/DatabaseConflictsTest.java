package nl.samenspel.core.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseConflictsTest {

    @Test
    void aUniqueViolationDeepInTheCauseChainIsA409() {
        RuntimeException wrapped = new IllegalStateException(
                "insert failed", new RuntimeException(new SQLException("duplicate key value", "23505")));
        ProblemException problem = DatabaseConflicts.problemFor(wrapped).orElseThrow();
        assertThat(problem.status().getCode()).isEqualTo(409);
        assertThat(problem.code()).isEqualTo("conflict.duplicate");
        assertThat(problem.getMessage()).doesNotContain("duplicate key value");
    }

    @Test
    void anOverlappingPeriodIsA409AndACheckViolationA422() {
        assertThat(DatabaseConflicts.problemFor(new SQLException("x", "23P01"))
                        .orElseThrow()
                        .code())
                .isEqualTo("conflict.overlap");
        assertThat(DatabaseConflicts.problemFor(new SQLException("x", "23514"))
                        .orElseThrow()
                        .status()
                        .getCode())
                .isEqualTo(422);
    }

    @Test
    void otherFailuresAreNotDressedUpAsConflicts() {
        assertThat(DatabaseConflicts.problemFor(new SQLException("connection refused", "08001")))
                .isEmpty();
        assertThat(DatabaseConflicts.problemFor(new IllegalStateException("bug")))
                .isEmpty();
    }
}
