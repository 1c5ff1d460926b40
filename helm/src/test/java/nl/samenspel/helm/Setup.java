package nl.samenspel.helm;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The two ways the tests install the chart, with what each says about its Secrets. */
enum Setup {
    /** values.yaml as shipped. */
    DEFAULTS(null, "samenspel-postgresql", "app-password", "samenspel-postgresql", "owner-password", "samenspel"),
    /** src/test/resources/production-values.yaml: external PostgreSQL, TLS ingress, OIDC, 3 replicas. */
    PRODUCTION(
            Path.of("src/test/resources/production-values.yaml"),
            "samenspel-postgresql-app",
            "password",
            "samenspel-postgresql-owner",
            "password",
            "samenspel-app");

    private static final Map<Setup, Manifests> RENDERED = new EnumMap<>(Setup.class);

    final Path valuesFile;
    final String appSecret;
    final String appKey;
    final String ownerSecret;
    final String ownerKey;
    final String governanceSecret;

    Setup(
            Path valuesFile,
            String appSecret,
            String appKey,
            String ownerSecret,
            String ownerKey,
            String governanceSecret) {
        this.valuesFile = valuesFile;
        this.appSecret = appSecret;
        this.appKey = appKey;
        this.ownerSecret = ownerSecret;
        this.ownerKey = ownerKey;
        this.governanceSecret = governanceSecret;
    }

    Set<String> databaseSecrets() {
        return Set.copyOf(List.of(appSecret, ownerSecret));
    }

    /** Rendered once per test run: the manifests are only read. */
    synchronized Manifests manifests() {
        return RENDERED.computeIfAbsent(this, s -> Chart.render(s.valuesFile, Map.of()));
    }

    /** A fresh rendering, to change without touching the shared one. */
    Manifests freshManifests() {
        return Chart.render(valuesFile, Map.of());
    }
}
