package nl.samenspel.governance.coalition;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.util.UUID;

/** An orgaan of the coalition (stuurgroep, ALV, ...). Seats, mandate and rhythm come with issue 3. */
@MappedEntity("body")
public record CoalitionBody(
        UUID coalitionId, @Id UUID id, BodyKind kind, String name, int position, @Version int version) {}
