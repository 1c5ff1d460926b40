package nl.samenspel.governance.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.UUID;

@Serdeable
public record RepresentativeResponse(
        UUID id,
        UUID memberId,
        UUID accountId,
        String email,
        String displayName,
        boolean mayVote,
        boolean maySign,
        boolean signsJointly,
        LocalDate validFrom,
        @Nullable LocalDate validUntil,
        boolean current,
        int version) {

    static RepresentativeResponse of(Representative r, String email, String displayName, LocalDate today) {
        return new RepresentativeResponse(
                r.id(),
                r.memberId(),
                r.accountId(),
                email,
                displayName,
                r.mayVote(),
                r.maySign(),
                r.signsJointly(),
                r.validFrom(),
                r.validUntil(),
                r.currentOn(today),
                r.version());
    }
}
