package nl.samenspel.governance.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import java.util.List;
import nl.samenspel.core.config.MissingSettingsException;
import nl.samenspel.core.config.SettingsLookup;

/**
 * Refuses to start the prod environment with missing or invalid settings. The first bean of the
 * context (highest precedence among the eager beans), so it runs before the datasource, Flyway or
 * anything else connects. {@code Application.main} runs the same check before Micronaut starts, to log
 * the message without a stack trace; this bean covers every other way of starting the context.
 */
@Context
@Requires(env = "prod")
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class ProductionCheck {

    ProductionCheck(Environment environment) {
        List<String> problems = ProductionSettings.problems(SettingsLookup.of(environment));
        if (!problems.isEmpty()) {
            throw new MissingSettingsException(ProductionSettings.HEADLINE, problems);
        }
    }
}
