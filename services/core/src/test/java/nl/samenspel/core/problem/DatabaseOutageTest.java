package nl.samenspel.core.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aServerShuttingDownOrABrokenConnectionIsA503WithRetryAfter() {
        for (Throwable cause : new Throwable[] {
            new SQLException("terminating connection due to administrator command", "57P01"),
            new SQLException("Connection is closed", "08003"),
            new SQLException("Connection refused", "08001"),
            new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"),
            new java.net.ConnectException("Connection refused")
        }) {
            ProblemException problem = DatabaseOutage.problemFor(
                            new IllegalStateException("could not commit", new RuntimeException(cause)))
                    .orElseThrow();
            assertThat(problem.status().getCode()).isEqualTo(503);
            assertThat(problem.code()).isEqualTo("database.unavailable");
            assertThat(problem.headers()).containsEntry("Retry-After", "5");
            assertThat(problem.getMessage()).doesNotContain(cause.getMessage());
        }
    }

    @Test
    void otherDatabaseErrorsAreNoOutage() {
        assertThat(DatabaseOutage.problemFor(new SQLException("duplicate key value", "23505")))
                .isEmpty();
        assertThat(DatabaseOutage.problemFor(new SQLException("canceling statement due to statement timeout", "57014")))
                .isEmpty();
        assertThat(DatabaseOutage.problemFor(new IllegalStateException("bug"))).isEmpty();
    }
}
