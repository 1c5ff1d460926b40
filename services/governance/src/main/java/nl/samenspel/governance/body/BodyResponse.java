package nl.samenspel.governance.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.governance.coalition.BodyKind;
import nl.samenspel.governance.statute.rules.DecisionType;

/**
 * A body; {@code seats} and {@code rhythm} are filled in only when one body is asked for. Empty lists are
 * written out, so a client sees "no decision types" rather than a missing field.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BodyResponse(
        UUID id,
        BodyKind kind,
        String name,
        int position,
        String mandate,
        Set<DecisionType> decisionTypes,
        boolean formal,
        int version,
        @Nullable List<SeatResponse> seats,
        @Nullable List<PhaseResponse> rhythm) {

    @Serdeable
    public record SeatResponse(
            UUID id,
            @Nullable UUID memberId,
            @Nullable String memberName,
            String personName,
            SeatRole role,
            boolean votes,
            LocalDate termFrom,
            @Nullable LocalDate termUntil,
            boolean current,
            int version) {}

    @Serdeable
    public record PhaseResponse(int everyWeeks, @Nullable LocalDate until) {}
}
