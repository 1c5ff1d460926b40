package nl.samenspel.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * helm/samenspel, linted and rendered by the Helm that helm-java bundles (no helm binary, no cluster).
 *
 * <p>helm-java's template returns the release manifest without the hooks that {@code helm template}
 * prints, so the migration job would be invisible. {@link #render} therefore renders a copy of the
 * chart with one extra template that includes {@code migration-job.yaml} with its hook annotations
 * renamed, so Helm keeps it in the manifest, and renames them back in the text: the result is what
 * {@code helm template} prints. {@link #renderReleaseOnly} renders the chart itself.
 */
final class Chart {

    static final Path SOURCE = Path.of("samenspel");
    static final String KUBE_VERSION = "1.30.0";
    static final String RELEASE = "samenspel";
    static final String NAMESPACE = "samenspel";

    private static final String MARKER = "exposed-for-test.samenspel/hook";
    private static final Path COPY = Path.of("target", "chart-under-test");
    private static Path hooksExposed;

    private Chart() {}

    static LintResult lint() {
        return new Helm(SOURCE).lint().strict().call();
    }

    /** Everything {@code helm template} prints, hooks included, parsed. */
    static Manifests render(Path valuesFile, Map<String, String> set) {
        String text = template(hooksExposedCopy(), valuesFile, set);
        return Manifests.parse(text.replace(MARKER, "helm.sh/hook"));
    }

    /** The release's own objects as Helm sees them: hooks are not among them. */
    static Manifests renderReleaseOnly(Path valuesFile, Map<String, String> set) {
        String text = template(SOURCE, valuesFile, set);
        if (text.contains(MARKER)) {
            throw new IllegalStateException("the chart itself uses the test marker " + MARKER);
        }
        return Manifests.parse(text);
    }

    private static String template(Path chart, Path valuesFile, Map<String, String> set) {
        TemplateCommand command = new Helm(chart)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            command = command.set(e.getKey(), e.getValue());
        }
        return command.call();
    }

    private static synchronized Path hooksExposedCopy() {
        if (hooksExposed == null) {
            try {
                deleteRecursively(COPY);
                Path target = COPY.resolve(SOURCE.getFileName());
                try (Stream<Path> files = Files.walk(SOURCE)) {
                    for (Path source : (Iterable<Path>) files::iterator) {
                        Path copy = target.resolve(SOURCE.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(copy);
                        } else {
                            Files.copy(source, copy);
                        }
                    }
                }
                Files.writeString(
                        target.resolve("templates/zz-exposed-hooks.yaml"),
                        "{{ include (print $.Template.BasePath \"/migration-job.yaml\") . | replace \"helm.sh/hook\" \""
                                + MARKER + "\" }}\n");
                hooksExposed = target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hooksExposed;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
