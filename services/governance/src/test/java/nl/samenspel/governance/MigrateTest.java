package nl.samenspel.governance;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.samenspel.core.db.DatabaseBootstrap;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.support.DatabaseTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** The migration job against a database of its own, bootstrapped like production and empty to begin with. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrateTest {

    private static final String DATABASE = "samenspel_test_migrate";

    private final TestDatabase db = DatabaseTest.database();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private String url;

    @BeforeAll
    void emptyDatabase() {
        DatabaseBootstrap.createDatabase(db.adminUrl(), db.adminUser(), db.adminPassword(), DATABASE, true);
        String admin = DatabaseBootstrap.withDatabase(db.adminUrl(), DATABASE);
        DatabaseBootstrap.applyRoles(admin, db.adminUser(), db.adminPassword());
        url = DatabaseBootstrap.withDatabase(db.ownerUrl(), DATABASE);
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(Migrate.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(Migrate.class)).detachAppender(log);
        log.list.clear();
    }

    private int migrate(String password) {
        return migrate(url, password);
    }

    private static int migrate(String url, String password) {
        return Migrate.run(Map.of("samenspel.db.url", url, "samenspel.db.owner-password", password)::get);
    }

    private List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void migrates_an_empty_database_and_does_nothing_the_second_time() throws Exception {
        long scripts;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }

        assertThat(migrate(db.rolePassword())).isZero();
        assertThat(messages())
                .anySatisfy(m -> assertThat(m).startsWith("Migrated schema samenspel from version none to"));
        assertThat(applied()).isEqualTo(scripts);
        assertThat(ownerOf("coalition")).isEqualTo(DatabaseBootstrap.OWNER_ROLE);

        log.list.clear();
        assertThat(migrate(db.rolePassword())).isZero();
        assertThat(applied()).isEqualTo(scripts);
        assertThat(messages()).anySatisfy(m -> assertThat(m).startsWith("Schema samenspel is up to date at version"));
    }

    @Test
    void a_database_that_cannot_be_reached_is_a_non_zero_exit_with_the_reason() {
        // The test clusters trust local connections, so a wrong password would not fail: a missing database does.
        String missing = DatabaseBootstrap.withDatabase(db.ownerUrl(), "samenspel_test_no_such_database");

        assertThat(migrate(missing, "owner-password-4b2e")).isEqualTo(1);

        assertThat(messages()).singleElement().satisfies(m -> assertThat(m)
                .startsWith("Migration of schema samenspel failed:")
                .contains("samenspel_test_no_such_database")
                .doesNotContain("owner-password-4b2e"));
    }

    @Test
    void missing_settings_are_named() {
        assertThat(Migrate.run(Map.<String, String>of()::get)).isEqualTo(2);
        assertThat(messages())
                .containsExactly("The migration cannot start; set these and start again:\n"
                        + "  - SAMENSPEL_DB_URL (samenspel.db.url): not set\n"
                        + "  - SAMENSPEL_DB_OWNER_PASSWORD (samenspel.db.owner-password): not set");
    }

    private long applied() throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        DatabaseBootstrap.withDatabase(db.adminUrl(), DATABASE), db.adminUser(), db.adminPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM samenspel.flyway_schema_history WHERE success AND version IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String ownerOf(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        DatabaseBootstrap.withDatabase(db.adminUrl(), DATABASE), db.adminUser(), db.adminPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tableowner FROM pg_tables WHERE schemaname = 'samenspel'"
                        + " AND tablename = '" + table + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
