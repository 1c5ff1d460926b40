package nl.samenspel.helm;

import static nl.samenspel.helm.Manifests.at;
import static nl.samenspel.helm.Manifests.containers;
import static nl.samenspel.helm.Manifests.list;
import static nl.samenspel.helm.Manifests.map;
import static nl.samenspel.helm.Manifests.podSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RenderedChartTest {

    private static final String GOVERNANCE = "samenspel-governance";
    private static final String DOCUMENTS = "samenspel-documents";

    @ParameterizedTest
    @EnumSource(Setup.class)
    void everySecretComesFromASecretKeyRefAndNoneFromTheChart(Setup setup) {
        Manifests m = setup.manifests();

        assertThat(ChartChecks.secretsOnlyFromSecretKeyRefs(m)).isEmpty();
        assertThat(secretRefs(m, "governance"))
                .containsOnly(
                        Map.entry("SAMENSPEL_DB_APP_PASSWORD", setup.appSecret + "/" + setup.appKey),
                        Map.entry("SAMENSPEL_JWT_SECRET", setup.governanceSecret + "/jwt-secret"),
                        Map.entry("SAMENSPEL_SMTP_PASSWORD", setup.governanceSecret + "/smtp-password"));
        assertThat(secretRefs(m, "migration"))
                .containsOnly(Map.entry("SAMENSPEL_DB_OWNER_PASSWORD", setup.ownerSecret + "/" + setup.ownerKey));
        String sealSecret = setup == Setup.PRODUCTION ? "samenspel-seal-2026" : "samenspel-seal";
        assertThat(secretRefs(m, "documents"))
                .containsOnly(Map.entry("SAMENSPEL_SEAL_PASSWORD", sealSecret + "/password"));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void documentsGetsNoDatabaseSettingOrCredentialAndOnlyGovernanceTheOwnerPasswordNeither(Setup setup) {
        Manifests m = setup.manifests();

        assertThat(ChartChecks.documentsHasNoDatabaseAccess(m, setup.databaseSecrets()))
                .isEmpty();
        assertThat(ChartChecks.ownerPasswordOnlyInMigration(m, setup.ownerSecret, setup.ownerKey))
                .isEmpty();
        Map<String, Object> documentsConfig = map(m.one("ConfigMap", DOCUMENTS).get("data"));
        assertThat(documentsConfig).containsKeys("SAMENSPEL_SEAL_KEYSTORE").doesNotContainKey("SAMENSPEL_DB_URL");
        // The seal is documents' alone: governance renders nothing in-process in the chart.
        Map<String, Object> governanceConfig =
                map(m.one("ConfigMap", GOVERNANCE).get("data"));
        assertThat(governanceConfig)
                .containsEntry("SAMENSPEL_DOCUMENTS_URL", "http://samenspel-documents:8081")
                .containsEntry("SAMENSPEL_MIGRATE_ON_START", "false")
                .containsEntry("MICRONAUT_ENVIRONMENTS", "prod")
                .doesNotContainKeys("SAMENSPEL_SEAL_KEYSTORE", "SAMENSPEL_SEAL_PASSWORD");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void everyContainerRunsNonRootReadOnlyWithoutPrivilegesWithLimitsAndProbes(Setup setup) {
        Manifests m = setup.manifests();

        assertThat(ChartChecks.hardened(m)).isEmpty();
        assertThat(ChartChecks.workloads(m))
                .extracting(Manifests::name)
                .containsExactlyInAnyOrder(
                        "Deployment samenspel-governance", "Deployment samenspel-documents", "Job samenspel-migrate");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void theMigrationJobIsAHookBeforeInstallAndUpgradeRunningMigrateAsTheOwner(Setup setup) {
        Manifests m = setup.manifests();
        Map<String, Object> job = m.one("Job", "samenspel-migrate");
        Map<String, Object> annotations = map(at(job, "metadata", "annotations"));
        Map<String, Object> container = containers(podSpec(job)).get(0);

        assertThat(List.of(annotations.get("helm.sh/hook").toString().split(",")))
                .containsExactlyInAnyOrder("pre-install", "pre-upgrade");
        assertThat(annotations).containsKey("helm.sh/hook-weight");
        assertThat(annotations.get("helm.sh/hook-delete-policy").toString()).contains("before-hook-creation");
        assertThat(list(container.get("command")))
                .containsExactly(
                        "java",
                        "-XX:MaxRAMPercentage=75",
                        "-cp",
                        "/app/governance.jar",
                        "nl.samenspel.governance.Migrate");
        assertThat(container.get("image"))
                .isEqualTo(containers(podSpec(m.one("Deployment", GOVERNANCE)))
                        .get(0)
                        .get("image"));
        assertThat(podSpec(job)).containsEntry("restartPolicy", "Never");
        Map<String, Object> env = plainEnv(container);
        assertThat(env.get("SAMENSPEL_DB_URL"))
                .isEqualTo(map(m.one("ConfigMap", GOVERNANCE).get("data")).get("SAMENSPEL_DB_URL"));
        assertThat(list(container.get("envFrom"))).isEmpty();

        // Its network policy is a hook too, made before it: hooks come before the release's objects.
        Map<String, Object> policy = m.one("NetworkPolicy", "samenspel-migration");
        Map<String, Object> policyAnnotations = map(at(policy, "metadata", "annotations"));
        assertThat(policyAnnotations.get("helm.sh/hook")).isEqualTo(annotations.get("helm.sh/hook"));
        assertThat(Integer.parseInt(policyAnnotations.get("helm.sh/hook-weight").toString()))
                .isLessThan(
                        Integer.parseInt(annotations.get("helm.sh/hook-weight").toString()));

        // Helm itself takes both for hooks: they are not among the release's objects.
        Manifests release = Chart.renderReleaseOnly(setup.valuesFile, Map.of());
        assertThat(release.ofKind("Job")).isEmpty();
        assertThat(release.ofKind("NetworkPolicy"))
                .extracting(Manifests::name)
                .containsExactlyInAnyOrder("NetworkPolicy samenspel-governance", "NetworkPolicy samenspel-documents");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void networkPoliciesLetOnlyGovernanceReachDocumentsAndOnlyGovernanceAndMigrationThePostgresqlPort(Setup setup) {
        Manifests m = setup.manifests();

        assertThat(ChartChecks.networkIsolation(m, 8081, 5432)).isEmpty();
        List<Object> documentsEgress = list(at(m.one("NetworkPolicy", DOCUMENTS), "spec", "egress"));
        assertThat(documentsEgress).hasSize(1);
        assertThat(list(at(documentsEgress.get(0), "ports")))
                .extracting(p -> at(p, "port"))
                .containsOnly(53);
        Object fromIngressController = at(m.one("NetworkPolicy", GOVERNANCE), "spec", "ingress", "0");
        assertThat(at(fromIngressController, "from", "0", "namespaceSelector", "matchLabels"))
                .isEqualTo(Map.of("kubernetes.io/metadata.name", "ingress-nginx"));
        assertThat(at(fromIngressController, "ports", "0", "port")).isEqualTo(8080);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void bothServicesHaveAnAutoscalerAndADisruptionBudgetOverTheirOwnPods(Setup setup) {
        Manifests m = setup.manifests();

        for (String name : List.of(GOVERNANCE, DOCUMENTS)) {
            Map<String, Object> deployment = m.one("Deployment", name);
            Map<String, Object> podLabels = ChartChecks.podLabels(deployment);
            Map<String, Object> hpa = m.one("HorizontalPodAutoscaler", name);
            assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(at(hpa, "spec", "scaleTargetRef"))
                    .isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", name));
            assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
            // The autoscaler owns the replica count; a rendered one would reset it on every upgrade.
            assertThat(map(deployment.get("spec"))).doesNotContainKey("replicas");
            Map<String, Object> pdb = m.one("PodDisruptionBudget", name);
            assertThat(pdb.get("apiVersion")).isEqualTo("policy/v1");
            assertThat(ChartChecks.selects(at(pdb, "spec", "selector"), podLabels))
                    .isTrue();
            Map<String, Object> serviceSelector = selectorOf(m, name);
            assertThat(serviceSelector).containsEntry(ChartChecks.COMPONENT, podLabels.get(ChartChecks.COMPONENT));
            assertThat(podLabels.entrySet()).containsAll(serviceSelector.entrySet());
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void theIngressRoutesToGovernanceOnly(Setup setup) {
        Manifests m = setup.manifests();
        List<Map<String, Object>> ingresses = m.ofKind("Ingress");

        assertThat(ingresses).hasSize(1);
        for (Object rule : list(at(ingresses.get(0), "spec", "rules"))) {
            for (Object path : list(at(rule, "http", "paths"))) {
                assertThat(at(path, "backend", "service"))
                        .isEqualTo(Map.of("name", GOVERNANCE, "port", Map.of("name", "http")));
            }
        }
        Map<String, Object> governanceService = m.one("Service", GOVERNANCE);
        assertThat(list(at(governanceService, "spec", "ports"))).anySatisfy(p -> assertThat(p)
                .isEqualTo(Map.of("name", "http", "port", 8080, "targetPort", "http", "protocol", "TCP")));
    }

    @Test
    void productionValuesGiveThreeReplicasTlsOidcAndTheExternalDatabase() {
        Manifests m = Setup.PRODUCTION.manifests();
        Map<String, Object> config = map(m.one("ConfigMap", GOVERNANCE).get("data"));

        assertThat(at(m.one("HorizontalPodAutoscaler", GOVERNANCE), "spec", "minReplicas"))
                .isEqualTo(3);
        assertThat(at(m.one("HorizontalPodAutoscaler", DOCUMENTS), "spec", "minReplicas"))
                .isEqualTo(3);
        assertThat(at(m.one("PodDisruptionBudget", GOVERNANCE), "spec", "minAvailable"))
                .isEqualTo(2);
        Map<String, Object> ingress = m.one("Ingress", "samenspel");
        assertThat(at(ingress, "spec", "tls"))
                .isEqualTo(List.of(Map.of(
                        "hosts", List.of("samenspel.gemeente.example"), "secretName", "samenspel-gemeente-tls")));
        assertThat(at(ingress, "spec", "rules", "0", "host")).isEqualTo("samenspel.gemeente.example");
        assertThat(at(ingress, "spec", "ingressClassName")).isEqualTo("nginx");
        assertThat(config)
                .containsEntry("SAMENSPEL_PUBLIC_URL", "https://samenspel.gemeente.example")
                .containsEntry(
                        "SAMENSPEL_DB_URL",
                        "jdbc:postgresql://pg-samenspel.db.gemeente.example:5432/samenspel?sslmode=verify-full"
                                + "&sslrootcert=/etc/samenspel/postgresql/ca.crt")
                .containsEntry("SAMENSPEL_OIDC_ISSUER", "https://login.gemeente.example/realms/samenspel")
                .containsEntry("SAMENSPEL_OIDC_AUDIENCE", "samenspel")
                .containsEntry("SAMENSPEL_SMTP_USERNAME", "samenspel")
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=70");
        // The CA certificate is mounted where the URL says, in governance and the job, not in documents.
        for (String workload : List.of("Deployment " + GOVERNANCE, "Job samenspel-migrate")) {
            Map<String, Object> pod = podSpec(ChartChecks.workloads(m).stream()
                    .filter(w -> Manifests.name(w).equals(workload))
                    .findFirst()
                    .orElseThrow());
            assertThat(list(containers(pod).get(0).get("volumeMounts")))
                    .contains(Map.of(
                            "name", "postgresql-ca", "mountPath", "/etc/samenspel/postgresql", "readOnly", true));
        }
        assertThat(list(podSpec(m.one("Deployment", DOCUMENTS)).get("volumes")))
                .noneSatisfy(v -> assertThat(at(v, "name")).isEqualTo("postgresql-ca"));
        // Egress narrowed to the database's subnet; OIDC opens HTTPS for the provider's keys.
        Map<String, Object> governancePolicy = m.one("NetworkPolicy", GOVERNANCE);
        assertThat(list(at(governancePolicy, "spec", "egress")))
                .anySatisfy(r -> assertThat(r)
                        .isEqualTo(Map.of(
                                "ports", List.of(Map.of("protocol", "TCP", "port", 5432)),
                                "to", List.of(Map.of("ipBlock", Map.of("cidr", "10.20.0.0/24"))))))
                .anySatisfy(r -> assertThat(at(r, "ports", "0", "port")).isEqualTo(443));
        assertThat(containers(podSpec(m.one("Deployment", GOVERNANCE))).get(0).get("image"))
                .isEqualTo("registry.gemeente.example/samenspel/governance:1.4.2");
    }

    @Test
    void defaultsHaveNoExternalLoginAndTheChartVersionAsImageTag() {
        Manifests m = Setup.DEFAULTS.manifests();
        Map<String, Object> config = map(m.one("ConfigMap", GOVERNANCE).get("data"));

        assertThat(config.keySet()).noneMatch(k -> k.startsWith("SAMENSPEL_OIDC_"));
        assertThat(config).containsEntry("SAMENSPEL_PUBLIC_URL", "https://samenspel.example.org");
        assertThat(list(at(m.one("NetworkPolicy", GOVERNANCE), "spec", "egress")))
                .noneSatisfy(r -> assertThat(at(r, "ports", "0", "port")).isEqualTo(443));
        assertThat(containers(podSpec(m.one("Deployment", DOCUMENTS))).get(0).get("image"))
                .isEqualTo("samenspel/documents:0.1.0");
    }

    @Test
    void withoutAutoscalingTheDeploymentCarriesTheReplicaCount() {
        Manifests m =
                Chart.render(null, Map.of("governance.autoscaling.enabled", "false", "governance.replicaCount", "3"));

        assertThat(at(m.one("Deployment", GOVERNANCE), "spec", "replicas")).isEqualTo(3);
        assertThat(m.ofKind("HorizontalPodAutoscaler"))
                .extracting(Manifests::name)
                .containsExactly("HorizontalPodAutoscaler " + DOCUMENTS);
    }

    @Test
    void aSecretPutIntoExtraEnvIsRefusedBecauseExtraEnvLandsInAConfigMap() {
        assertThatThrownBy(() -> Chart.render(null, Map.of("governance.extraEnv.SAMENSPEL_JWT_SECRET", "not-here")))
                .hasMessageContaining("governance.extraEnv.SAMENSPEL_JWT_SECRET looks like a secret");
        assertThatThrownBy(() -> Chart.render(null, Map.of("documents.extraEnv.SAMENSPEL_SEAL_PASSWORD", "nor-here")))
                .hasMessageContaining("documents.extraEnv.SAMENSPEL_SEAL_PASSWORD looks like a secret");
    }

    /** name → "secret/key" of each secretKeyRef environment variable of the component's pods. */
    private static Map<String, String> secretRefs(Manifests m, String component) {
        Map<String, String> refs = new HashMap<>();
        for (Map<String, Object> c : containers(podSpec(ChartChecks.workloadOf(m, component)))) {
            for (Object e : list(c.get("env"))) {
                Object ref = at(e, "valueFrom", "secretKeyRef");
                if (ref != null) {
                    refs.put(at(e, "name").toString(), at(ref, "name") + "/" + at(ref, "key"));
                }
            }
        }
        return refs;
    }

    private static Map<String, Object> plainEnv(Map<String, Object> container) {
        Map<String, Object> env = new HashMap<>();
        for (Object e : list(container.get("env"))) {
            if (map(e).containsKey("value")) {
                env.put(at(e, "name").toString(), at(e, "value"));
            }
        }
        return env;
    }

    private static Map<String, Object> selectorOf(Manifests m, String service) {
        return map(at(m.one("Service", service), "spec", "selector"));
    }
}
