package nl.samenspel.governance.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A member organisation (lid / partner). Never deleted: leaving sets {@code leftOn}. */
@MappedEntity("member")
public record Member(
        UUID coalitionId,
        @Id UUID id,
        String name,
        MemberKind kind,
        @Nullable String kvkNumber,
        @Nullable String rsin,
        LocalDate joinedOn,
        @Nullable LocalDate leftOn,
        BigDecimal contributionFte,
        long contributionCents,
        int votingWeight,
        boolean alsoOpdrachtgever,
        Instant createdAt,
        @Version int version) {

    public boolean currentOn(LocalDate day) {
        return !joinedOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("kind", kind.name());
        state.put("kvkNumber", kvkNumber);
        state.put("rsin", rsin);
        state.put("joinedOn", joinedOn.toString());
        state.put("leftOn", leftOn == null ? null : leftOn.toString());
        state.put("contributionFte", contributionFte.toPlainString());
        state.put("contributionCents", contributionCents);
        state.put("votingWeight", votingWeight);
        state.put("alsoOpdrachtgever", alsoOpdrachtgever);
        return state;
    }
}
