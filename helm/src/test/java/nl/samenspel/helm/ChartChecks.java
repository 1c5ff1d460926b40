package nl.samenspel.helm;

import static nl.samenspel.helm.Manifests.at;
import static nl.samenspel.helm.Manifests.containers;
import static nl.samenspel.helm.Manifests.list;
import static nl.samenspel.helm.Manifests.map;
import static nl.samenspel.helm.Manifests.name;
import static nl.samenspel.helm.Manifests.podSpec;
import static nl.samenspel.helm.Manifests.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules every rendering of the chart must keep. Each returns what breaks it, one line per finding
 * (empty: kept), so a test can show that a rule catches a broken manifest as well as pass a good one.
 */
final class ChartChecks {

    /** Names of settings that hold a secret. */
    static final Pattern SECRET_LIKE = Pattern.compile("(?i)(PASSWORD|SECRET|JWT|TOKEN|PRIVATE)");
    /** Names of settings that point at or open the database. */
    static final Pattern DATABASE_LIKE = Pattern.compile("(?i)(^|_)(DB|POSTGRES\\w*|JDBC|DATASOURCES?|FLYWAY)(_|$)");

    static final String COMPONENT = "app.kubernetes.io/component";
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    private ChartChecks() {}

    static List<Map<String, Object>> workloads(Manifests m) {
        return m.objects().stream()
                .filter(o -> WORKLOADS.contains(text(o.get("kind"))))
                .toList();
    }

    /** The workload whose pods carry this component label. */
    static Map<String, Object> workloadOf(Manifests m, String component) {
        return workloads(m).stream()
                .filter(w -> component.equals(podLabels(w).get(COMPONENT)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no workload for component " + component));
    }

    static Map<String, Object> podLabels(Map<String, Object> workload) {
        return map(at(workload, "spec", "template", "metadata", "labels"));
    }

    /**
     * Secret values only through secretKeyRef: no secret-looking key in a ConfigMap, no such
     * environment variable with a plain value, and no Secret rendered by the chart.
     */
    static List<String> secretsOnlyFromSecretKeyRefs(Manifests m) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> cm : m.ofKind("ConfigMap")) {
            for (String field : List.of("data", "binaryData")) {
                for (String key : map(cm.get(field)).keySet()) {
                    if (SECRET_LIKE.matcher(key).find()) {
                        found.add(name(cm) + " carries " + key);
                    }
                }
            }
        }
        for (Map<String, Object> secret : m.ofKind("Secret")) {
            found.add("the chart renders " + name(secret) + " instead of referencing an existing Secret");
        }
        for (Map<String, Object> w : workloads(m)) {
            for (Map<String, Object> c : containers(podSpec(w))) {
                for (Object e : list(c.get("env"))) {
                    Map<String, Object> env = map(e);
                    String envName = text(env.get("name"));
                    if (!SECRET_LIKE.matcher(envName).find()) {
                        continue;
                    }
                    if (env.containsKey("value")) {
                        found.add(where(w, c) + " sets " + envName + " as a plain value");
                    } else if (at(env, "valueFrom", "secretKeyRef") == null) {
                        found.add(where(w, c) + " takes " + envName + " from elsewhere than a secretKeyRef");
                    }
                }
            }
        }
        return found;
    }

    /** Documents gets no database setting, no database Secret and nothing from one. */
    static List<String> documentsHasNoDatabaseAccess(Manifests m, Set<String> databaseSecrets) {
        List<String> found = new ArrayList<>();
        Map<String, Object> documents = workloadOf(m, "documents");
        Map<String, Object> pod = podSpec(documents);
        for (Map<String, Object> c : containers(pod)) {
            for (Object e : list(c.get("env"))) {
                Map<String, Object> env = map(e);
                String envName = text(env.get("name"));
                if (DATABASE_LIKE.matcher(envName).find()) {
                    found.add(where(documents, c) + " gets " + envName);
                }
                if (isIn(databaseSecrets, text(at(env, "valueFrom", "secretKeyRef", "name")))) {
                    found.add(where(documents, c) + " reads a database Secret into " + envName);
                }
                String value = text(env.get("value"));
                if (value != null && value.contains("jdbc:")) {
                    found.add(where(documents, c) + " gets a JDBC URL in " + envName);
                }
            }
            for (Object f : list(c.get("envFrom"))) {
                String secretRef = text(at(f, "secretRef", "name"));
                if (isIn(databaseSecrets, secretRef)) {
                    found.add(where(documents, c) + " takes every key of " + secretRef);
                }
                String configMap = text(at(f, "configMapRef", "name"));
                if (configMap != null) {
                    for (Map.Entry<String, Object> kv :
                            map(m.one("ConfigMap", configMap).get("data")).entrySet()) {
                        if (DATABASE_LIKE.matcher(kv.getKey()).find()
                                || text(kv.getValue()).contains("jdbc:")) {
                            found.add(where(documents, c) + " gets " + kv.getKey() + " from ConfigMap " + configMap);
                        }
                    }
                }
            }
        }
        for (Object v : list(pod.get("volumes"))) {
            for (String secret : secretsOfVolume(map(v))) {
                if (databaseSecrets.contains(secret)) {
                    found.add(name(documents) + " mounts database Secret " + secret);
                }
            }
        }
        return found;
    }

    /** The owner password reaches the migration job and no other pod. */
    static List<String> ownerPasswordOnlyInMigration(Manifests m, String ownerSecret, String ownerKey) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> w : workloads(m)) {
            if ("migration".equals(podLabels(w).get(COMPONENT))) {
                continue;
            }
            Map<String, Object> pod = podSpec(w);
            for (Map<String, Object> c : containers(pod)) {
                for (Object e : list(c.get("env"))) {
                    Map<String, Object> env = map(e);
                    Object ref = at(env, "valueFrom", "secretKeyRef");
                    if ("SAMENSPEL_DB_OWNER_PASSWORD".equals(env.get("name"))) {
                        found.add(where(w, c) + " gets SAMENSPEL_DB_OWNER_PASSWORD");
                    }
                    if (ref != null && ownerSecret.equals(at(ref, "name")) && ownerKey.equals(at(ref, "key"))) {
                        found.add(where(w, c) + " reads the owner password into " + env.get("name"));
                    }
                }
                for (Object f : list(c.get("envFrom"))) {
                    if (ownerSecret.equals(at(f, "secretRef", "name"))) {
                        found.add(where(w, c) + " takes every key of " + ownerSecret);
                    }
                }
            }
            for (Object v : list(pod.get("volumes"))) {
                if (secretsOfVolume(map(v)).contains(ownerSecret)) {
                    found.add(name(w) + " mounts " + ownerSecret);
                }
            }
        }
        return found;
    }

    /**
     * Every container of every pod: non-root with a numeric user, read-only root filesystem with a
     * writable /tmp, no privilege escalation, all capabilities dropped, the runtime's seccomp profile,
     * requests and limits; long-running ones also liveness and readiness probes on the management port.
     */
    static List<String> hardened(Manifests m) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> w : workloads(m)) {
            Map<String, Object> pod = podSpec(w);
            Map<String, Object> podContext = map(pod.get("securityContext"));
            if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
                found.add(name(w) + " mounts a service account token");
            }
            boolean longRunning = !"Job".equals(w.get("kind"));
            for (Map<String, Object> c : containers(pod)) {
                String at = where(w, c);
                Map<String, Object> sc = map(c.get("securityContext"));
                if (!Boolean.TRUE.equals(sc.getOrDefault("runAsNonRoot", podContext.get("runAsNonRoot")))) {
                    found.add(at + " may run as root (runAsNonRoot)");
                }
                Object user = sc.getOrDefault("runAsUser", podContext.get("runAsUser"));
                if (!(user instanceof Integer uid) || uid <= 0) {
                    found.add(at + " has no numeric non-zero runAsUser: " + user);
                }
                if (!Boolean.TRUE.equals(sc.get("readOnlyRootFilesystem"))) {
                    found.add(at + " has a writable root filesystem");
                }
                if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
                    found.add(at + " allows privilege escalation");
                }
                if (Boolean.TRUE.equals(sc.get("privileged"))) {
                    found.add(at + " is privileged");
                }
                if (!list(at(sc, "capabilities", "drop")).contains("ALL")
                        || !list(at(sc, "capabilities", "add")).isEmpty()) {
                    found.add(at + " does not drop ALL capabilities (or adds some)");
                }
                Object seccomp = Objects.requireNonNullElse(
                        at(sc, "seccompProfile", "type"), at(podContext, "seccompProfile", "type"));
                if (!"RuntimeDefault".equals(seccomp)) {
                    found.add(at + " has no RuntimeDefault seccomp profile: " + seccomp);
                }
                for (String kind : List.of("limits", "requests")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (at(c, "resources", kind, resource) == null) {
                            found.add(at + " has no " + resource + " " + kind);
                        }
                    }
                }
                if (!hasEmptyDirAt(pod, c, "/tmp")) {
                    found.add(at + " has no emptyDir at /tmp");
                }
                if (longRunning) {
                    found.addAll(probes(at, c));
                }
            }
        }
        return found;
    }

    private static List<String> probes(String at, Map<String, Object> c) {
        List<String> found = new ArrayList<>();
        Integer management = null;
        Integer http = null;
        for (Object p : list(c.get("ports"))) {
            if ("management".equals(at(p, "name"))) {
                management = (Integer) at(p, "containerPort");
            }
            if ("http".equals(at(p, "name"))) {
                http = (Integer) at(p, "containerPort");
            }
        }
        if (management == null || management.equals(http)) {
            found.add(at + " has no management port of its own");
        }
        for (Map.Entry<String, String> probe : Map.of(
                        "livenessProbe", "/health/liveness", "readinessProbe", "/health/readiness")
                .entrySet()) {
            Object httpGet = at(c, probe.getKey(), "httpGet");
            if (httpGet == null) {
                found.add(at + " has no " + probe.getKey());
                continue;
            }
            if (!probe.getValue().equals(at(httpGet, "path"))) {
                found.add(at + " " + probe.getKey() + " asks " + at(httpGet, "path") + ", not " + probe.getValue());
            }
            Object port = at(httpGet, "port");
            if (!"management".equals(port) && !(management != null && management.equals(port))) {
                found.add(at + " " + probe.getKey() + " is not on the management port: " + port);
            }
        }
        return found;
    }

    /**
     * Documents' HTTP port is open to governance's pods only; the PostgreSQL port is reachable only
     * from governance and migration pods; and both have a way to it.
     */
    static List<String> networkIsolation(Manifests m, int documentsPort, int postgresqlPort) {
        List<String> found = new ArrayList<>();
        Map<String, Object> governance = podLabels(workloadOf(m, "governance"));
        Map<String, Object> documents = podLabels(workloadOf(m, "documents"));
        Map<String, Object> migration = podLabels(workloadOf(m, "migration"));
        List<Map<String, Object>> policies = m.ofKind("NetworkPolicy");
        for (Map.Entry<String, Map<String, Object>> pod : Map.of(
                        "documents", documents, "governance", governance, "migration", migration)
                .entrySet()) {
            for (String type : List.of("Ingress", "Egress")) {
                boolean isolated = policies.stream()
                        .anyMatch(p -> selects(at(p, "spec", "podSelector"), pod.getValue())
                                && list(at(p, "spec", "policyTypes")).contains(type));
                if (!isolated) {
                    found.add("no NetworkPolicy limits " + type.toLowerCase() + " of the " + pod.getKey() + " pods");
                }
            }
        }
        boolean governanceReachesDatabase = false;
        boolean migrationReachesDatabase = false;
        for (Map<String, Object> p : policies) {
            Object selector = at(p, "spec", "podSelector");
            boolean forDocuments = selects(selector, documents);
            boolean forOthers = !selects(selector, governance) && !selects(selector, migration);
            if (forDocuments) {
                for (Object r : list(at(p, "spec", "ingress"))) {
                    if (!allowsPort(r, documentsPort, "http")) {
                        continue;
                    }
                    List<Object> from = list(at(r, "from"));
                    if (from.isEmpty()) {
                        found.add(name(p) + " opens documents' port to everyone");
                    }
                    for (Object peer : from) {
                        boolean governanceOnly = map(peer).keySet().equals(Set.of("podSelector"))
                                && selects(at(peer, "podSelector"), governance)
                                && !selects(at(peer, "podSelector"), documents)
                                && !selects(at(peer, "podSelector"), migration);
                        if (!governanceOnly) {
                            found.add(name(p) + " lets " + peer + " reach documents' port");
                        }
                    }
                }
            }
            for (Object r : list(at(p, "spec", "egress"))) {
                if (!allowsPort(r, postgresqlPort, null)) {
                    continue;
                }
                if (forDocuments || forOthers) {
                    found.add(name(p) + " lets pods other than governance and migration reach port " + postgresqlPort);
                }
                governanceReachesDatabase |= selects(selector, governance);
                migrationReachesDatabase |= selects(selector, migration);
            }
        }
        if (!governanceReachesDatabase) {
            found.add("no NetworkPolicy lets governance reach PostgreSQL");
        }
        if (!migrationReachesDatabase) {
            found.add("no NetworkPolicy lets the migration job reach PostgreSQL");
        }
        return found;
    }

    /** A rule without ports allows every port. */
    static boolean allowsPort(Object rule, int number, String portName) {
        List<Object> ports = list(at(rule, "ports"));
        if (ports.isEmpty()) {
            return true;
        }
        for (Object p : ports) {
            Object port = at(p, "port");
            Object end = at(p, "endPort");
            if (port == null) {
                return true;
            }
            if (port instanceof Integer from) {
                int to = end instanceof Integer e ? e : from;
                if (from <= number && number <= to) {
                    return true;
                }
            } else if (port.equals(portName)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a label selector (matchLabels only) selects pods with these labels. */
    static boolean selects(Object selector, Map<String, Object> labels) {
        if (selector == null) {
            return false;
        }
        if (at(selector, "matchExpressions") != null) {
            throw new IllegalArgumentException("matchExpressions are not checked: " + selector);
        }
        return labels.entrySet().containsAll(map(at(selector, "matchLabels")).entrySet());
    }

    private static boolean hasEmptyDirAt(Map<String, Object> pod, Map<String, Object> c, String path) {
        for (Object mount : list(c.get("volumeMounts"))) {
            if (path.equals(at(mount, "mountPath"))) {
                for (Object v : list(pod.get("volumes"))) {
                    if (Objects.equals(at(v, "name"), at(mount, "name")) && at(v, "emptyDir") != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> secretsOfVolume(Map<String, Object> volume) {
        List<String> secrets = new ArrayList<>();
        if (at(volume, "secret", "secretName") != null) {
            secrets.add(text(at(volume, "secret", "secretName")));
        }
        for (Object source : list(at(volume, "projected", "sources"))) {
            if (at(source, "secret", "name") != null) {
                secrets.add(text(at(source, "secret", "name")));
            }
        }
        return secrets;
    }

    private static boolean isIn(Set<String> names, String name) {
        return name != null && names.contains(name);
    }

    private static String where(Map<String, Object> workload, Map<String, Object> container) {
        return name(workload) + " container " + container.get("name");
    }
}
