package nl.samenspel.governance;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.samenspel.core.config.RequiredSettings;
import nl.samenspel.core.config.SettingsLookup;
import nl.samenspel.core.db.DatabaseBootstrap;
import nl.samenspel.core.db.EmbeddedDatabase;
import nl.samenspel.governance.config.ProductionSettings;
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
    private static final String PROD = "prod";
    private static final String DB_URL = "samenspel.db.url";

    private Application() {}

    public static void main(String[] args) {
        start(args);
    }

    /** Checks the settings, starts the embedded database when none is configured, then the service. */
    static ApplicationContext start(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        String[] environments = new String[0];
        boolean prod;
        // Only the environment, no beans: the settings are checked before anything connects.
        // No bootstrap context in either (no distributed configuration is used): deciding whether one is
        // wanted would load every bean definition twice over.
        try (ApplicationContext probe = ApplicationContext.builder()
                .args(args)
                .bootstrapEnvironment(false)
                .build()) {
            Environment environment = probe.getEnvironment().start();
            Function<String, String> settings = SettingsLookup.of(environment);
            prod = environment.getActiveNames().contains(PROD);
            boolean database = !blank(settings.apply(DB_URL));
            boolean secret = !blank(settings.apply(ProductionSettings.JWT_SECRET.key()));
            List<String> problems = prod
                    ? ProductionSettings.problems(settings)
                    // With a real database this is a deployment, whatever its environment.
                    : database || secret ? ProductionSettings.jwtSecretProblems(settings) : List.of();
            if (!problems.isEmpty()) {
                LOG.error(RequiredSettings.report(
                        prod ? ProductionSettings.HEADLINE : ProductionSettings.DEPLOYMENT_HEADLINE, problems));
                System.exit(2);
            }
            if (!prod && !database) {
                properties.putAll(startEmbeddedDatabase());
                environments = new String[] {"dev"};
                if (!secret) {
                    properties.put(ProductionSettings.JWT_SECRET.key(), randomSecret());
                }
            }
        }
        return Micronaut.build(args)
                .mainClass(Application.class)
                .bootstrapEnvironment(false)
                // The banner is not a log line: in prod every line on stdout is JSON.
                .banner(!prod)
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
        properties.put(DB_URL, url.substring(0, url.indexOf('?')));
        properties.put("samenspel.secure-cookies", "false");
        properties.put("samenspel.demo-data", "true");
        return properties;
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
