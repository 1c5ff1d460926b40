package nl.samenspel.documents;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import java.util.List;
import nl.samenspel.core.config.RequiredSettings;
import nl.samenspel.core.config.SettingsLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {}

    public static void main(String[] args) {
        // In prod the settings are checked on the environment alone, so a missing one is one clear log
        // line instead of a failed context; ProductionCheck does the same for every other start.
        boolean prod;
        try (ApplicationContext probe = ApplicationContext.builder().args(args).build()) {
            Environment environment = probe.getEnvironment().start();
            prod = environment.getActiveNames().contains("prod");
            if (prod) {
                List<String> problems = ProductionSettings.problems(SettingsLookup.of(environment));
                if (!problems.isEmpty()) {
                    LOG.error(RequiredSettings.report(ProductionSettings.HEADLINE, problems));
                    System.exit(2);
                }
            }
        }
        // The banner is not a log line: in prod every line on stdout is JSON.
        Micronaut.build(args).mainClass(Application.class).banner(!prod).start();
    }
}
