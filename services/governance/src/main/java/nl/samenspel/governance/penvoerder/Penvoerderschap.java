package nl.samenspel.governance.penvoerder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One member's period as penvoerder for a scope; {@code validUntil} is the first day it no longer holds. */
@MappedEntity("penvoerderschap")
public record Penvoerderschap(
        UUID coalitionId,
        @Id UUID id,
        String scope,
        UUID memberId,
        LocalDate validFrom,
        @Nullable LocalDate validUntil,
        String mandate,
        Instant createdAt,
        @Version int version) {

    public boolean currentOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validUntil == null || validUntil.isAfter(day));
    }

    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("scope", scope);
        state.put("memberId", memberId.toString());
        state.put("validFrom", validFrom.toString());
        state.put("validUntil", validUntil == null ? null : validUntil.toString());
        state.put("mandate", mandate);
        return state;
    }
}
