package nl.samenspel.governance.support;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import nl.samenspel.core.testing.TestDatabase;
import org.junit.jupiter.api.TestInstance;

/**
 * Mixed into every {@code @MicronautTest} of this module: the app runs against the real PostgreSQL
 * that {@link TestDatabase} chose, as the non-owner role, with Flyway as the owner role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface DatabaseTest extends TestPropertyProvider {

    static TestDatabase database() {
        return TestDatabase.get("governance");
    }

    /** The database this class's app runs against: the shared one unless a test needs its own server. */
    default TestDatabase testDatabase() {
        return database();
    }

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(testDatabase().micronautProperties());
        properties.put("samenspel.jwt-secret", "test-secret-test-secret-test-secret-0123456789");
        properties.put("samenspel.password.bcrypt-cost", "4");
        properties.put("samenspel.secure-cookies", "false");
        properties.put("micronaut.server.port", "-1");
        // Tests send the outbox themselves with OutboxDispatcher.dispatchDue().
        properties.put("samenspel.mail.dispatcher.enabled", "false");
        // Likewise the voting reminders, with ProposalNotifier.remindDue().
        properties.put("samenspel.voting.reminders.enabled", "false");
        // And the job runner and the signing sweeps: JobRunner.runDue(), SigningService.expireDue()/remindDue().
        properties.put("samenspel.jobs.enabled", "false");
        properties.put("samenspel.signing.schedule.enabled", "false");
        properties.put("samenspel.accountability.reminders.enabled", "false");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Per-class additions, e.g. an SMTP port. */
    default Map<String, String> extraProperties() {
        return Map.of();
    }
}
