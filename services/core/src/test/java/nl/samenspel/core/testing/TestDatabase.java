package nl.samenspel.core.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.samenspel.core.db.DatabaseBootstrap;
import nl.samenspel.core.db.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The real PostgreSQL that a test JVM uses, chosen once: {@code TEST_DATABASE_URL} when set (CI points
 * it at the machine's server), else a Testcontainers PostgreSQL when Docker is available, else an
 * embedded PostgreSQL. Each run gets a freshly created database with the production roles and schema.
 */
public final class TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final String ROLE_PASSWORD = "samenspel-test";
    private static TestDatabase instance;

    private final String appUrl;
    private final String ownerUrl;
    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;
    private final String source;

    private TestDatabase(String source, String serverUrl, String adminUser, String adminPassword, String database) {
        this.source = source;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        DatabaseBootstrap.createDatabase(serverUrl, adminUser, adminPassword, database, true);
        this.adminUrl = DatabaseBootstrap.withDatabase(serverUrl, database);
        DatabaseBootstrap.applyRoles(adminUrl, adminUser, adminPassword);
        DatabaseBootstrap.setDevelopmentPasswords(adminUrl, adminUser, adminPassword, ROLE_PASSWORD);
        String plain = stripQuery(adminUrl);
        this.appUrl = plain;
        this.ownerUrl = plain;
        LOG.info("Tests use PostgreSQL from {} (database {})", source, database);
    }

    /** One database per test JVM; {@code name} keeps modules' databases apart on a shared server. */
    public static synchronized TestDatabase get(String name) {
        if (instance == null) {
            instance = start("samenspel_test_" + name);
        }
        return instance;
    }

    /**
     * A database of its own on the given server, for a test that must do to its PostgreSQL what others
     * must not see (restart it); not the JVM's shared one.
     */
    public static TestDatabase on(EmbeddedDatabase server, String database) {
        return new TestDatabase(
                "embedded PostgreSQL on port " + server.port(),
                server.url("postgres"),
                server.superuser(),
                "",
                database);
    }

    private static TestDatabase start(String database) {
        String configured = System.getenv("TEST_DATABASE_URL");
        if (configured != null && !configured.isBlank()) {
            String user = envOr("TEST_DATABASE_USER", "postgres");
            String password = envOr("TEST_DATABASE_PASSWORD", "");
            return new TestDatabase("TEST_DATABASE_URL", configured, user, password, database);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            return new TestDatabase(
                    "Testcontainers",
                    container.getJdbcUrl(),
                    container.getUsername(),
                    container.getPassword(),
                    database);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(Path.of("target", "embedded-postgres"));
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        return new TestDatabase("embedded PostgreSQL", embedded.url("postgres"), embedded.superuser(), "", database);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String stripQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** URL for the non-owner application role, which row-level security applies to. */
    public String appUrl() {
        return appUrl;
    }

    public String appUser() {
        return DatabaseBootstrap.APP_ROLE;
    }

    public String ownerUrl() {
        return ownerUrl;
    }

    public String ownerUser() {
        return DatabaseBootstrap.OWNER_ROLE;
    }

    public String rolePassword() {
        return ROLE_PASSWORD;
    }

    /** Superuser URL for tests that must tamper with rows the application cannot touch. */
    public String adminUrl() {
        return adminUrl;
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String source() {
        return source;
    }

    /** Micronaut configuration: the app role for the service, the owner role for Flyway. */
    public Map<String, String> micronautProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("datasources.default.url", appUrl);
        properties.put("datasources.default.username", appUser());
        properties.put("datasources.default.password", ROLE_PASSWORD);
        properties.put("flyway.datasources.migration.url", ownerUrl);
        properties.put("flyway.datasources.migration.user", ownerUser());
        properties.put("flyway.datasources.migration.password", ROLE_PASSWORD);
        return properties;
    }
}
