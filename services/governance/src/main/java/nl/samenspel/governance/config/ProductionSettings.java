package nl.samenspel.governance.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import nl.samenspel.core.config.RequiredSettings;
import nl.samenspel.core.config.RequiredSettings.Setting;

/**
 * What governance needs in the prod environment (the configuration contract of issue 7): a database
 * and its app password, a JWT secret, the public URL, SMTP, and either a documents service or the
 * sealing key. Returns every missing or invalid setting at once; {@link ProductionCheck} and
 * {@code Application.main} turn a non-empty answer into a refused start.
 */
public final class ProductionSettings {

    public static final String HEADLINE =
            "Samenspel governance cannot start in the prod environment; set these and start again:";
    /** Outside prod, when a real database or a JWT secret is configured (see {@link #jwtSecretProblems}). */
    public static final String DEPLOYMENT_HEADLINE = "Samenspel governance cannot start; set these and start again:";

    public static final int JWT_SECRET_BYTES = 32;

    public static final Setting DB_URL = new Setting("SAMENSPEL_DB_URL", "samenspel.db.url", "datasources.default.url");
    public static final Setting DB_APP_PASSWORD =
            new Setting("SAMENSPEL_DB_APP_PASSWORD", "samenspel.db.app-password", "datasources.default.password");
    public static final Setting DB_OWNER_PASSWORD = new Setting(
            "SAMENSPEL_DB_OWNER_PASSWORD", "samenspel.db.owner-password", "flyway.datasources.migration.password");
    public static final Setting DB_CONNECTIONS = Setting.of("SAMENSPEL_DB_CONNECTIONS", "samenspel.db.connections");
    public static final Setting MIGRATE_ON_START =
            Setting.of("SAMENSPEL_MIGRATE_ON_START", "samenspel.migrate-on-start");
    public static final Setting JWT_SECRET = Setting.of("SAMENSPEL_JWT_SECRET", "samenspel.jwt-secret");
    public static final Setting PUBLIC_URL = Setting.of("SAMENSPEL_PUBLIC_URL", "samenspel.public-url");
    public static final Setting SMTP_HOST = Setting.of("SAMENSPEL_SMTP_HOST", "samenspel.mail.host");
    public static final Setting SMTP_PORT = Setting.of("SAMENSPEL_SMTP_PORT", "samenspel.mail.port");
    public static final Setting SMTP_PASSWORD = Setting.of("SAMENSPEL_SMTP_PASSWORD", "samenspel.mail.password");
    public static final Setting SMTP_STARTTLS = Setting.of("SAMENSPEL_SMTP_STARTTLS", "samenspel.mail.starttls");
    public static final Setting MAIL_FROM = Setting.of("SAMENSPEL_MAIL_FROM", "samenspel.mail.from");
    public static final Setting DOCUMENTS_URL = Setting.of("SAMENSPEL_DOCUMENTS_URL", "samenspel.documents.url");
    public static final Setting SEAL_KEYSTORE =
            Setting.of("SAMENSPEL_SEAL_KEYSTORE", "samenspel.documents.seal.keystore");
    public static final Setting SEAL_PASSWORD =
            Setting.of("SAMENSPEL_SEAL_PASSWORD", "samenspel.documents.seal.password");
    public static final Setting SECURE_COOKIES = Setting.of("SAMENSPEL_SECURE_COOKIES", "samenspel.secure-cookies");
    public static final Setting DEMO_DATA = Setting.of("SAMENSPEL_DEMO_DATA", "samenspel.demo-data");

    /** Browsers treat these as secure origins, so Secure cookies work over plain http (a local compose run). */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private ProductionSettings() {}

    /** Every missing or invalid setting of the prod environment, in the order of the contract; empty when all is well. */
    public static List<String> problems(Function<String, String> lookup) {
        RequiredSettings settings = new RequiredSettings(lookup);
        String url = settings.require(DB_URL);
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            settings.problem(DB_URL, "not a jdbc:postgresql://host:port/database URL");
        }
        settings.require(DB_APP_PASSWORD);
        wholeNumber(settings, DB_CONNECTIONS, 1, 200, "not a number of connections from 1 to 200");
        if (flag(settings, MIGRATE_ON_START, false)) {
            settings.require(DB_OWNER_PASSWORD, "SAMENSPEL_MIGRATE_ON_START is true");
        }
        jwtSecret(settings);
        publicUrl(settings);
        mail(settings);
        String documents = settings.value(DOCUMENTS_URL);
        if (documents != null) {
            if (!httpUrl(documents, false)) {
                settings.problem(DOCUMENTS_URL, "not an http(s) URL");
            }
        } else {
            String why = "SAMENSPEL_DOCUMENTS_URL is blank, so governance seals in-process";
            settings.requireReadableFile(SEAL_KEYSTORE, why);
            settings.require(SEAL_PASSWORD, why);
        }
        if (!flag(settings, SECURE_COOKIES, true)) {
            settings.problem(SECURE_COOKIES, "must not be false in prod");
        }
        if (flag(settings, DEMO_DATA, false)) {
            settings.problem(DEMO_DATA, "must not be true in prod");
        }
        return settings.problems();
    }

    /** Outside prod with a real database only the JWT secret is required (replicas must share it). */
    public static List<String> jwtSecretProblems(Function<String, String> lookup) {
        RequiredSettings settings = new RequiredSettings(lookup);
        jwtSecret(settings);
        return settings.problems();
    }

    private static void jwtSecret(RequiredSettings settings) {
        // A random key would log everyone out at each restart and differ between replicas.
        settings.requireSecret(JWT_SECRET, JWT_SECRET_BYTES);
    }

    private static void publicUrl(RequiredSettings settings) {
        String url = settings.require(PUBLIC_URL);
        if (url != null && !httpUrl(url, true)) {
            settings.problem(PUBLIC_URL, "not an https:// URL (plain http only for localhost)");
        }
    }

    /** An optional setting that, when set, must be a whole number from {@code min} to {@code max}. */
    private static void wholeNumber(RequiredSettings settings, Setting setting, int min, int max, String problem) {
        String text = settings.value(setting);
        if (text == null) {
            return;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                settings.problem(setting, problem);
            }
        } catch (NumberFormatException e) {
            settings.problem(setting, problem);
        }
    }

    private static void mail(RequiredSettings settings) {
        settings.require(SMTP_HOST);
        settings.require(SMTP_PASSWORD);
        wholeNumber(settings, SMTP_PORT, 1, 65535, "not a port number");
        flag(settings, SMTP_STARTTLS, true);
        String from = settings.value(MAIL_FROM);
        if (from != null) {
            try {
                new InternetAddress(from, true);
            } catch (AddressException e) {
                settings.problem(MAIL_FROM, "not an e-mail address");
            }
        }
    }

    /** A boolean setting; anything but true/false is a problem (and counts as the default). */
    private static boolean flag(RequiredSettings settings, Setting setting, boolean fallback) {
        String value = settings.value(setting);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                settings.problem(setting, "not true or false");
                yield fallback;
            }
        };
    }

    private static boolean httpUrl(String value, boolean httpsUnlessLoopback) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (host == null || host.isBlank()) {
                return false;
            }
            if (scheme.equals("https")) {
                return true;
            }
            return scheme.equals("http") && (!httpsUnlessLoopback || LOOPBACK.contains(host.toLowerCase(Locale.ROOT)));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
