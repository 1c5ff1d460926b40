package nl.samenspel.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares a PostgreSQL database the way ops would with {@code deploy/postgres/roles.sql}: the
 * database, the owner and app roles and the schema. Used by the local run and by the tests; production
 * runs the same SQL file once by hand or from the Helm chart.
 */
public final class DatabaseBootstrap {

    public static final String OWNER_ROLE = "samenspel_owner";
    public static final String APP_ROLE = "samenspel_app";
    private static final String ROLES_SQL = "/samenspel/db/roles.sql";

    private DatabaseBootstrap() {}

    /** Creates the database (optionally dropping it first) through an admin connection to another database. */
    public static void createDatabase(String adminUrl, String user, String password, String database, boolean fresh) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("unsafe database name: " + database);
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            if (fresh) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            boolean exists;
            try (PreparedStatement check = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                check.setString(1, database);
                try (ResultSet rs = check.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Applies roles.sql as a superuser inside the target database; safe to repeat. */
    public static void applyRoles(String databaseUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(rolesSql());
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply " + ROLES_SQL + ": " + e.getMessage(), e);
        }
    }

    /** Development and test clusters only: gives both roles one known password for password-auth clusters. */
    public static void setDevelopmentPasswords(String databaseUrl, String user, String password, String rolePassword) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
                Statement statement = connection.createStatement()) {
            String quoted = rolePassword.replace("'", "''");
            statement.execute("ALTER ROLE " + OWNER_ROLE + " PASSWORD '" + quoted + "'");
            statement.execute("ALTER ROLE " + APP_ROLE + " PASSWORD '" + quoted + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set development passwords: " + e.getMessage(), e);
        }
    }

    static String rolesSql() {
        try (InputStream in = DatabaseBootstrap.class.getResourceAsStream(ROLES_SQL)) {
            if (in == null) {
                throw new IllegalStateException(ROLES_SQL + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the database name of a {@code jdbc:postgresql://host:port/db?params} URL. */
    public static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        if (!jdbcUrl.startsWith("jdbc:postgresql://") || slash < 0) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL: " + jdbcUrl);
        }
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }
}
