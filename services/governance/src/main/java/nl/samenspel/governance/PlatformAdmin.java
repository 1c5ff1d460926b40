package nl.samenspel.governance;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.samenspel.core.config.RequiredSettings;
import nl.samenspel.core.config.RequiredSettings.Setting;
import nl.samenspel.core.db.DatabaseBootstrap;
import nl.samenspel.governance.identity.PasswordHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first platform operator of a new installation, whose database starts without accounts:
 * {@code java -cp governance.jar nl.samenspel.governance.PlatformAdmin <e-mail> <name>}. Makes the
 * account a platform administrator (who founds coalitions and sees no content), creating it when it does
 * not exist. A new account gets the password from {@code SAMENSPEL_ADMIN_PASSWORD}, or else from the first
 * line of standard input (not echoed on a terminal); {@code --external-login} creates it without one, to
 * log in through the external OpenID Connect provider only. An existing account keeps its password.
 * Connects as the application role with {@code SAMENSPEL_DB_URL} and {@code SAMENSPEL_DB_APP_PASSWORD};
 * starts no Micronaut context. Exits 0 when done (also when nothing changed), 2 on bad arguments or
 * settings, 1 when the database refuses; the password is never logged.
 */
public final class PlatformAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformAdmin.class);

    static final Setting DB_URL = Setting.of("SAMENSPEL_DB_URL", "samenspel.db.url");
    static final Setting APP_PASSWORD = Setting.of("SAMENSPEL_DB_APP_PASSWORD", "samenspel.db.app-password");
    static final Setting ADMIN_PASSWORD = Setting.of("SAMENSPEL_ADMIN_PASSWORD", "samenspel.admin-password");
    static final String EXTERNAL = "--external-login";
    static final String USAGE = "usage: PlatformAdmin [" + EXTERNAL + "] <e-mail> <name>";

    private PlatformAdmin() {}

    public static void main(String[] args) {
        System.exit(run(PlatformAdmin::fromSystem, List.of(args), PlatformAdmin::readPassword, 12));
    }

    /**
     * Does the work with the settings {@code lookup} gives (keyed by property name); {@code password}
     * is asked only for a new account without a password setting. Returns the exit status.
     */
    static int run(Function<String, String> lookup, List<String> args, Supplier<String> password, int bcryptCost) {
        boolean external = args.contains(EXTERNAL);
        List<String> positional = args.stream().filter(a -> !a.equals(EXTERNAL)).toList();
        if (positional.size() != 2) {
            LOG.error(USAGE);
            return 2;
        }
        String email = positional.get(0).strip().toLowerCase(Locale.ROOT);
        String name = positional.get(1).strip();
        if (!email.matches("[^@\\s]+@[^@\\s]+") || email.length() > 254) {
            LOG.error("Not an e-mail address: {}", printable(positional.get(0)));
            return 2;
        }
        if (name.isEmpty() || name.length() > 200) {
            LOG.error("The name must have 1 to 200 characters");
            return 2;
        }
        RequiredSettings settings = new RequiredSettings(lookup);
        String url = settings.require(DB_URL);
        String appPassword = settings.require(APP_PASSWORD);
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            LOG.error(RequiredSettings.report(
                    "The platform administrator cannot be made; set these and start again:", problems));
            return 2;
        }
        try (Connection c = DriverManager.getConnection(url, DatabaseBootstrap.APP_ROLE, appPassword)) {
            c.setAutoCommit(false);
            Boolean admin = existing(c, email);
            if (admin != null) {
                if (admin) {
                    LOG.info("{} is already a platform administrator; nothing changed", email);
                } else {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE account SET platform_admin = true, version = version + 1 WHERE email = ?")) {
                        ps.setString(1, email);
                        ps.executeUpdate();
                    }
                    LOG.info("{} is now a platform administrator (password unchanged)", email);
                }
                c.commit();
                return 0;
            }
            String hash = null;
            if (!external) {
                String chosen = settings.value(ADMIN_PASSWORD);
                if (chosen == null) {
                    chosen = password.get();
                }
                String refusal = refusal(chosen);
                if (refusal != null) {
                    LOG.error("{}; nothing changed", refusal);
                    return 2;
                }
                hash = new PasswordHasher(bcryptCost).hash(chosen);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    """
                    INSERT INTO account (id, email, display_name, password_hash, platform_admin)
                    VALUES (?, ?, ?, ?, true)""")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, email);
                ps.setString(3, name);
                ps.setString(4, hash);
                ps.executeUpdate();
            }
            c.commit();
            LOG.info(
                    "Created platform administrator {}{}",
                    email,
                    external ? " without a password (external login only)" : "");
            return 0;
        } catch (SQLException e) {
            // The driver's message names the failure (connection, refused role, constraint), never a password.
            LOG.error("The platform administrator was not made: {}", e.getMessage());
            return 1;
        }
    }

    /** Whether the account exists and is an administrator; null when there is no such account. */
    private static Boolean existing(Connection c, String email) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT platform_admin FROM account WHERE email = ? FOR UPDATE")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    /** Why a password is refused (the rules of accepting an invitation), or null. */
    static String refusal(String password) {
        if (password == null || password.isEmpty()) {
            return "No password given: set SAMENSPEL_ADMIN_PASSWORD or type one, or use " + EXTERNAL;
        }
        if (password.codePointCount(0, password.length()) < PasswordHasher.MIN_LENGTH) {
            return "The password is too short: use at least " + PasswordHasher.MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_LENGTH) {
            return "The password is too long: use at most " + PasswordHasher.MAX_LENGTH + " bytes";
        }
        return null;
    }

    private static String readPassword() {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for the new platform administrator: ");
            return typed == null ? null : new String(typed);
        }
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\p{Graph} ]", "?");
    }

    /** A system property wins over the environment variable, as for the service itself. */
    private static String fromSystem(String property) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            return value;
        }
        for (Setting setting : List.of(DB_URL, APP_PASSWORD, ADMIN_PASSWORD)) {
            if (setting.property().equals(property)) {
                return System.getenv(setting.env());
            }
        }
        return null;
    }
}
