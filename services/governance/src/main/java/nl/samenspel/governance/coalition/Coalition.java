package nl.samenspel.governance.coalition;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.tenancy.CoalitionId;

/** A tenant, as listed in the platform's coalition directory. */
@MappedEntity("coalition")
public record Coalition(
        @Id UUID id,
        String slug,
        String name,
        LegalForm legalForm,
        @Nullable String kvkNumber,
        String opdrachtgever,
        CoalitionStatus status,
        Instant createdAt,
        @Version int version) {

    public CoalitionId coalitionId() {
        return CoalitionId.of(id);
    }

    public Coalition withStatus(CoalitionStatus next) {
        return new Coalition(id, slug, name, legalForm, kvkNumber, opdrachtgever, next, createdAt, version);
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("slug", slug);
        state.put("name", name);
        state.put("legalForm", legalForm.name());
        state.put("kvkNumber", kvkNumber);
        state.put("opdrachtgever", opdrachtgever);
        state.put("status", status.name());
        return state;
    }
}
