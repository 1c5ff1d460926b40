package nl.samenspel.governance.coalition;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.util.UUID;

/**
 * An orgaan of the coalition (stuurgroep, ALV, ...) as the coalition template creates it; mandate and
 * decision types take their defaults. Seats and rhythm live in the {@code body} package.
 */
@MappedEntity("body")
public record CoalitionBody(
        UUID coalitionId,
        @Id UUID id,
        BodyKind kind,
        String name,
        int position,
        boolean formal,
        @Version int version) {}
