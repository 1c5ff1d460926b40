package nl.samenspel.governance.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Serdeable
public record MemberResponse(
        UUID id,
        String name,
        MemberKind kind,
        @Nullable String kvkNumber,
        @Nullable String rsin,
        LocalDate joinedOn,
        @Nullable LocalDate leftOn,
        boolean current,
        BigDecimal contributionFte,
        long contributionCents,
        int votingWeight,
        boolean alsoOpdrachtgever,
        int version) {

    static MemberResponse of(Member m, LocalDate today) {
        return new MemberResponse(
                m.id(),
                m.name(),
                m.kind(),
                m.kvkNumber(),
                m.rsin(),
                m.joinedOn(),
                m.leftOn(),
                m.currentOn(today),
                m.contributionFte(),
                m.contributionCents(),
                m.votingWeight(),
                m.alsoOpdrachtgever(),
                m.version());
    }
}
