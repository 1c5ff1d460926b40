package nl.samenspel.core.config;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;
import java.util.function.Function;

/** Reads settings for {@link RequiredSettings} from a Micronaut environment. */
public final class SettingsLookup {

    private SettingsLookup() {}

    /** An unresolvable placeholder ({@code ${samenspel.db.url}} with nothing behind it) counts as unset. */
    public static Function<String, String> of(PropertyResolver properties) {
        return key -> {
            try {
                return properties.get(key, String.class).orElse(null);
            } catch (ConfigurationException e) {
                return null;
            }
        };
    }
}
