package nl.samenspel.governance;

import java.util.List;
import java.util.function.Function;
import nl.samenspel.core.config.RequiredSettings;
import nl.samenspel.core.config.RequiredSettings.Setting;
import nl.samenspel.core.db.DatabaseBootstrap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration job: {@code java -cp governance.jar nl.samenspel.governance.Migrate}. Runs the Flyway
 * migrations as the owner role and exits 0 (also when there was nothing to do); 2 when a setting is
 * missing, 1 when the migration fails, each with a message that says why. Needs {@code SAMENSPEL_DB_URL}
 * and {@code SAMENSPEL_DB_OWNER_PASSWORD} (or the system properties {@code samenspel.db.url},
 * {@code samenspel.db.owner-password}); starts no Micronaut context. The settings match
 * {@code flyway.datasources.migration} in application.yml, which the app uses with
 * {@code SAMENSPEL_MIGRATE_ON_START}, so either may migrate a database the other migrated before.
 */
public final class Migrate {

    private static final Logger LOG = LoggerFactory.getLogger(Migrate.class);

    static final Setting DB_URL = Setting.of("SAMENSPEL_DB_URL", "samenspel.db.url");
    static final Setting OWNER_PASSWORD = Setting.of("SAMENSPEL_DB_OWNER_PASSWORD", "samenspel.db.owner-password");
    static final String SCHEMA = "samenspel";
    static final String LOCATION = "classpath:db/migration";

    private Migrate() {}

    public static void main(String[] args) {
        System.exit(run(Migrate::fromSystem));
    }

    /** Migrates with the settings {@code lookup} gives (keyed by property name); returns the exit status. */
    static int run(Function<String, String> lookup) {
        RequiredSettings settings = new RequiredSettings(lookup);
        String url = settings.require(DB_URL);
        String password = settings.require(OWNER_PASSWORD);
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            LOG.error(RequiredSettings.report("The migration cannot start; set these and start again:", problems));
            return 2;
        }
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(url, DatabaseBootstrap.OWNER_ROLE, password)
                    .schemas(SCHEMA)
                    .defaultSchema(SCHEMA)
                    .locations(LOCATION)
                    .load()
                    .migrate();
            if (result.migrationsExecuted == 0) {
                LOG.info("Schema {} is up to date at version {}", SCHEMA, result.initialSchemaVersion);
            } else {
                LOG.info(
                        "Migrated schema {} from version {} to {} ({} migrations)",
                        SCHEMA,
                        result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion,
                        result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
            return 0;
        } catch (FlywayException e) {
            // Flyway's message says what failed (connection, SQL state, the failing script); the
            // password is never part of it.
            LOG.error("Migration of schema {} failed: {}", SCHEMA, e.getMessage());
            return 1;
        }
    }

    /** A system property wins over the environment variable, as for the service itself. */
    private static String fromSystem(String property) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            return value;
        }
        Setting setting = property.equals(DB_URL.property()) ? DB_URL : OWNER_PASSWORD;
        return System.getenv(setting.env());
    }
}
