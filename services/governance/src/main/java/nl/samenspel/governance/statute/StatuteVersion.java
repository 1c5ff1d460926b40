package nl.samenspel.governance.statute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.samenspel.governance.statute.rules.StatuteRules;

/** A version of the statutes with its articles and rules; {@code adoptedAt} set means immutable. */
public record StatuteVersion(
        UUID coalitionId,
        UUID id,
        int number,
        String title,
        Status status,
        StatuteRules rules,
        LocalDate effectiveFrom,
        Instant adoptedAt,
        LocalDate notarialDeedDate,
        int version,
        List<Article> articles) {

    public enum Status {
        DRAFT,
        ADOPTED
    }

    /** In force on {@code day}: adopted, effective, and for a coöperatie passed by notarial deed. */
    public boolean inForceOn(LocalDate day, boolean deedRequired) {
        return status == Status.ADOPTED
                && !effectiveFrom.isAfter(day)
                && (!deedRequired || (notarialDeedDate != null && !notarialDeedDate.isAfter(day)));
    }
}
