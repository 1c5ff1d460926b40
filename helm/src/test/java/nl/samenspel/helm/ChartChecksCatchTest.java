package nl.samenspel.helm;

import static nl.samenspel.helm.Manifests.at;
import static nl.samenspel.helm.Manifests.containers;
import static nl.samenspel.helm.Manifests.list;
import static nl.samenspel.helm.Manifests.map;
import static nl.samenspel.helm.Manifests.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart's rules catch a manifest that breaks them: each check is shown failing once. */
class ChartChecksCatchTest {

    private final Manifests m = Setup.DEFAULTS.freshManifests();

    @Test
    void aSecretInAConfigMapOrAPlainEnvValueIsCaught() {
        data("samenspel-governance").put("SAMENSPEL_JWT_SECRET", "in-the-open");
        env("documents").add(new LinkedHashMap<>(Map.of("name", "SAMENSPEL_SEAL_PASSWORD", "value", "also-open")));

        assertThat(ChartChecks.secretsOnlyFromSecretKeyRefs(m))
                .containsExactlyInAnyOrder(
                        "ConfigMap samenspel-governance carries SAMENSPEL_JWT_SECRET",
                        "Deployment samenspel-documents container documents sets SAMENSPEL_SEAL_PASSWORD as a plain value");
    }

    @Test
    void databaseSettingsOrCredentialsForDocumentsAreCaught() {
        data("samenspel-documents").put("SAMENSPEL_DB_URL", "jdbc:postgresql://db/samenspel");
        env("documents")
                .add(Map.of(
                        "name",
                        "SAMENSPEL_DB_APP_PASSWORD",
                        "valueFrom",
                        Map.of("secretKeyRef", Map.of("name", "samenspel-postgresql", "key", "app-password"))));

        assertThat(ChartChecks.documentsHasNoDatabaseAccess(m, Setup.DEFAULTS.databaseSecrets()))
                .containsExactlyInAnyOrder(
                        "Deployment samenspel-documents container documents gets SAMENSPEL_DB_APP_PASSWORD",
                        "Deployment samenspel-documents container documents reads a database Secret into SAMENSPEL_DB_APP_PASSWORD",
                        "Deployment samenspel-documents container documents gets SAMENSPEL_DB_URL from ConfigMap samenspel-documents");
    }

    @Test
    void theOwnerPasswordOutsideTheMigrationJobIsCaught() {
        env("governance")
                .add(Map.of(
                        "name",
                        "SAMENSPEL_DB_OWNER_PASSWORD",
                        "valueFrom",
                        Map.of("secretKeyRef", Map.of("name", "samenspel-postgresql", "key", "owner-password"))));

        assertThat(ChartChecks.ownerPasswordOnlyInMigration(m, "samenspel-postgresql", "owner-password"))
                .hasSize(2)
                .allMatch(line -> line.startsWith("Deployment samenspel-governance container governance"));
    }

    @Test
    void aWritableRootOrAMissingProbeOrLimitIsCaught() {
        Map<String, Object> documents = container("documents");
        map(documents.get("securityContext")).put("readOnlyRootFilesystem", false);
        documents.remove("readinessProbe");
        map(at(container("migration"), "resources", "limits")).remove("memory");

        assertThat(ChartChecks.hardened(m))
                .containsExactlyInAnyOrder(
                        "Deployment samenspel-documents container documents has a writable root filesystem",
                        "Deployment samenspel-documents container documents has no readinessProbe",
                        "Job samenspel-migrate container migrate has no memory limits");
    }

    @Test
    void documentsOpenToAnotherNamespaceOrGivenDatabaseEgressIsCaught() {
        Map<String, Object> spec =
                map(m.one("NetworkPolicy", "samenspel-documents").get("spec"));
        List<Object> ingress = list(spec.get("ingress"));
        ingress.add(Map.of(
                "from", List.of(Map.of("namespaceSelector", Map.of())),
                "ports", List.of(Map.of("protocol", "TCP", "port", 8081))));
        list(spec.get("egress")).add(Map.of("ports", List.of(Map.of("protocol", "TCP", "port", 5432))));

        assertThat(ChartChecks.networkIsolation(m, 8081, 5432))
                .containsExactlyInAnyOrder(
                        "NetworkPolicy samenspel-documents lets {namespaceSelector={}} reach documents' port",
                        "NetworkPolicy samenspel-documents lets pods other than governance and migration reach port 5432");
    }

    @Test
    void documentsWithoutAnEgressPolicyIsCaught() {
        Map<String, Object> spec =
                map(m.one("NetworkPolicy", "samenspel-documents").get("spec"));
        spec.put("policyTypes", new ArrayList<>(List.of("Ingress")));

        assertThat(ChartChecks.networkIsolation(m, 8081, 5432))
                .containsExactly("no NetworkPolicy limits egress of the documents pods");
    }

    private Map<String, Object> data(String configMap) {
        return map(m.one("ConfigMap", configMap).get("data"));
    }

    private Map<String, Object> container(String component) {
        return containers(podSpec(ChartChecks.workloadOf(m, component))).get(0);
    }

    private List<Object> env(String component) {
        Map<String, Object> c = container(component);
        return list(c.get("env"));
    }
}
