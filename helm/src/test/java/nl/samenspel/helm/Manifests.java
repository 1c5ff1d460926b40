package nl.samenspel.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Rendered Kubernetes objects as plain maps and lists, with a few ways to walk them. */
record Manifests(List<Map<String, Object>> objects) {

    static Manifests parse(String text) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (doc != null) {
                objects.add(map(doc));
            }
        }
        return new Manifests(List.copyOf(objects));
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> one(String kind, String name) {
        return ofKind(kind).stream()
                .filter(o -> name.equals(at(o, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(kind + " " + name + " is not rendered"));
    }

    static String name(Map<String, Object> object) {
        return object.get("kind") + " " + at(object, "metadata", "name");
    }

    /** The pod template of a Deployment or Job (or the pod spec of anything that has one). */
    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(at(workload, "spec", "template", "spec"));
    }

    static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            for (Object c : list(podSpec.get(field))) {
                all.add(map(c));
            }
        }
        return all;
    }

    /** Follows map keys (and list indexes written as numbers); null where the path ends early. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (current instanceof Map<?, ?> m) {
                current = m.get(step);
            } else if (current instanceof List<?> l && step.chars().allMatch(Character::isDigit)) {
                int i = Integer.parseInt(step);
                current = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a map: " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?>)) {
            throw new IllegalArgumentException("not a list: " + node);
        }
        return (List<Object>) node;
    }

    static String text(Object node) {
        return node == null ? null : node.toString();
    }
}
