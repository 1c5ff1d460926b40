package nl.samenspel.governance;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import nl.samenspel.core.db.DatabaseBootstrap;
import nl.samenspel.core.db.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "Samenspel governance API",
                        version = "v1",
                        description = "Coalitions, members, representatives and the audit trail. Errors are"
                                + " application/problem+json with a stable code and the offending fields."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {}

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        String[] environments = new String[0];
        if (blank(setting("SAMENSPEL_DB_URL", "samenspel.db.url"))) {
            properties.putAll(startEmbeddedDatabase());
            environments = new String[] {"dev"};
        }
        String secret = setting("SAMENSPEL_JWT_SECRET", "samenspel.jwt-secret");
        if (blank(secret)) {
            if (environments.length == 0) {
                // With a real database this is a deployment; a random key would log everyone out at
                // each restart and differ between replicas.
                LOG.error("SAMENSPEL_JWT_SECRET must be set (at least 32 bytes) when SAMENSPEL_DB_URL is");
                System.exit(2);
            }
            properties.put("samenspel.jwt-secret", randomSecret());
        } else if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            LOG.error("SAMENSPEL_JWT_SECRET is too short: use at least 32 bytes");
            System.exit(2);
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(properties)
                .defaultEnvironments(environments)
                .start();
    }

    /** The one-command local run: a real PostgreSQL below ./target, bootstrapped like production. */
    private static Map<String, Object> startEmbeddedDatabase() {
        EmbeddedDatabase embedded =
                EmbeddedDatabase.start(Path.of(System.getProperty("user.dir"), "target", "embedded-postgres"));
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        String database = "samenspel";
        DatabaseBootstrap.createDatabase(embedded.url("postgres"), embedded.superuser(), "", database, false);
        String url = embedded.url(database);
        DatabaseBootstrap.applyRoles(url, embedded.superuser(), "");
        LOG.info("No SAMENSPEL_DB_URL configured: started embedded PostgreSQL with demo data");
        Map<String, Object> properties = new HashMap<>();
        properties.put("samenspel.db.url", url.substring(0, url.indexOf('?')));
        properties.put("samenspel.secure-cookies", "false");
        properties.put("samenspel.demo-data", "true");
        return properties;
    }

    private static String setting(String env, String property) {
        String value = System.getProperty(property);
        return blank(value) ? System.getenv(env) : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
