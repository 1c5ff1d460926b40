package nl.samenspel.core.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks the settings a production start needs and collects every problem, so that the operator reads
 * all of them in one message instead of one stack trace per restart. Plain Java: the values come from
 * a lookup (the Micronaut environment at startup, a map in tests). A message names the setting, never
 * its value, which may be a secret.
 */
public final class RequiredSettings {

    /**
     * A setting as the operator sets it ({@code env}, the environment variable), the property it maps to
     * ({@code property}) and the property whose value counts ({@code key}: usually the same; for the
     * database the datasource's own property, which the mapped one feeds and tests may set directly).
     */
    public record Setting(String env, String property, String key) {

        public static Setting of(String env, String property) {
            return new Setting(env, property, property);
        }

        @Override
        public String toString() {
            return env + " (" + property + ")";
        }
    }

    private final Function<String, String> lookup;
    private final List<String> problems = new ArrayList<>();

    public RequiredSettings(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The value, or null when it is unset or blank. */
    public String value(Setting setting) {
        String value = lookup.apply(setting.key());
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value, or null after noting that it is missing; {@code why} says when it is needed, if not always. */
    public String require(Setting setting, String why) {
        String value = value(setting);
        if (value == null) {
            problem(setting, why == null ? "not set" : "not set (" + why + ")");
        }
        return value;
    }

    public String require(Setting setting) {
        return require(setting, null);
    }

    /** A secret of at least {@code bytes} bytes in UTF-8. */
    public void requireSecret(Setting setting, int bytes) {
        String value = require(setting);
        if (value != null && value.getBytes(StandardCharsets.UTF_8).length < bytes) {
            problem(setting, "too short, use at least " + bytes + " bytes");
        }
    }

    /** A path to a regular file this process can read. */
    public void requireReadableFile(Setting setting, String why) {
        String value = require(setting, why);
        if (value != null) {
            Path path = Path.of(value);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                problem(setting, "no readable file at " + value);
            }
        }
    }

    public void problem(Setting setting, String what) {
        problems.add(setting + ": " + what);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The one message for the log or the exception: the headline, then each problem on its own line. */
    public static String report(String headline, List<String> problems) {
        StringBuilder message = new StringBuilder(headline);
        for (String problem : problems) {
            message.append("\n  - ").append(problem);
        }
        return message.toString();
    }
}
