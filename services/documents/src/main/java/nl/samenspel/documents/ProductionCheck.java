package nl.samenspel.documents;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import java.util.List;
import nl.samenspel.core.config.MissingSettingsException;
import nl.samenspel.core.config.SettingsLookup;

/**
 * Refuses to start the documents service in the prod environment without its sealing key, before any
 * other bean. Only the service itself ({@code samenspel.documents.http.enabled}): governance, embedding
 * this jar, checks its own settings (the key only when it seals in-process).
 */
@Context
@Requires(env = "prod")
@Requires(property = HttpEndpoints.ENABLED, value = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class ProductionCheck {

    ProductionCheck(Environment environment) {
        List<String> problems = ProductionSettings.problems(SettingsLookup.of(environment));
        if (!problems.isEmpty()) {
            throw new MissingSettingsException(ProductionSettings.HEADLINE, problems);
        }
    }
}
