package nl.samenspel.governance.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;
import nl.samenspel.governance.member.MemberKind;

/**
 * What adoption brings about: for an admission, the organisation that becomes a member; for a
 * penvoerder appointment, the member and the scope. One of the two, matching the decision type.
 */
@Serdeable
public record ConsequenceRequest(@Nullable @Valid Admission admission, @Nullable @Valid Appointment appointment) {

    @Serdeable
    public record Admission(@NotBlank @Size(max = 200) @PlainText String name, @NotNull MemberKind kind) {}

    @Serdeable
    public record Appointment(
            @NotBlank @Size(max = 200) @PlainText String scope,
            @NotNull UUID memberId,
            @Nullable @Size(max = 10000) String mandate) {}
}
