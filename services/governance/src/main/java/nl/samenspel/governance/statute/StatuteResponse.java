package nl.samenspel.governance.statute;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Serdeable
public record StatuteResponse(
        UUID id,
        int number,
        String title,
        StatuteVersion.Status status,
        @Nullable LocalDate effectiveFrom,
        @Nullable Instant adoptedAt,
        @Nullable LocalDate notarialDeedDate,
        boolean inForceToday,
        int version,
        Map<String, Object> rules,
        List<Article> articles) {

    static StatuteResponse of(StatuteVersion v, boolean inForceToday) {
        return new StatuteResponse(
                v.id(),
                v.number(),
                v.title(),
                v.status(),
                v.effectiveFrom(),
                v.adoptedAt(),
                v.notarialDeedDate(),
                inForceToday,
                v.version(),
                StatuteRepository.rulesAsMap(v.rules()),
                v.articles());
    }

    @Serdeable
    public record DiffResponse(int from, int to, List<ArticleDiff.Change> changes) {}
}
