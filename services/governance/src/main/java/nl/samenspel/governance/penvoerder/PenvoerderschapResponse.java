package nl.samenspel.governance.penvoerder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.UUID;

@Serdeable
public record PenvoerderschapResponse(
        UUID id,
        String scope,
        UUID memberId,
        String memberName,
        LocalDate validFrom,
        @Nullable LocalDate validUntil,
        boolean current,
        String mandate,
        int version) {}
