package nl.samenspel.governance.statute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Article-level differences between two statute versions, in the order of the newer one. */
public final class ArticleDiff {

    private ArticleDiff() {}

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Change(
            String number,
            Kind kind,
            @io.micronaut.core.annotation.Nullable Article before,
            @io.micronaut.core.annotation.Nullable Article after) {}

    public static List<Change> between(List<Article> older, List<Article> newer) {
        Map<String, Article> old = new LinkedHashMap<>();
        older.forEach(a -> old.put(a.number(), a));
        List<Change> changes = new ArrayList<>();
        for (Article now : newer) {
            Article then = old.remove(now.number());
            if (then == null) {
                changes.add(new Change(now.number(), Kind.ADDED, null, now));
            } else if (!Objects.equals(then.title(), now.title()) || !Objects.equals(then.body(), now.body())) {
                changes.add(new Change(now.number(), Kind.CHANGED, then, now));
            }
        }
        old.values().forEach(gone -> changes.add(new Change(gone.number(), Kind.REMOVED, gone, null)));
        return changes;
    }
}
