package nl.samenspel.governance.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;
import java.util.UUID;

/** One phase of a body's meeting rhythm; the key is (coalition, body, position). */
@MappedEntity("body_rhythm")
public record RhythmPhase(UUID coalitionId, UUID bodyId, @Id int position, int everyWeeks, @Nullable LocalDate until) {}
