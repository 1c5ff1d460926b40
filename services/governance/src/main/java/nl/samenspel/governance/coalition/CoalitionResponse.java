package nl.samenspel.governance.coalition;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.governance.identity.CoalitionRole;

@Serdeable
public record CoalitionResponse(
        UUID id,
        String slug,
        String name,
        LegalForm legalForm,
        @Nullable String kvkNumber,
        String opdrachtgever,
        CoalitionStatus status,
        int version,
        Set<CoalitionRole> yourRoles,
        List<BodyResponse> bodies) {

    @Serdeable
    public record BodyResponse(UUID id, BodyKind kind, String name, boolean formal) {}

    static CoalitionResponse of(Coalition c, Set<CoalitionRole> roles, List<CoalitionBody> bodies) {
        return new CoalitionResponse(
                c.id(),
                c.slug(),
                c.name(),
                c.legalForm(),
                c.kvkNumber(),
                c.opdrachtgever(),
                c.status(),
                c.version(),
                roles,
                bodies.stream()
                        .map(b -> new BodyResponse(b.id(), b.kind(), b.name(), b.formal()))
                        .toList());
    }
}
