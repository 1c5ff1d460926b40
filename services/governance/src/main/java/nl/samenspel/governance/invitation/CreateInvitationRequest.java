package nl.samenspel.governance.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.core.value.PlainText;

/** Who to invite to act for a member, and with which mandate. */
@Serdeable
public record CreateInvitationRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) @PlainText String displayName,
        @NotNull Boolean mayVote,
        @NotNull Boolean maySign,
        @Nullable Boolean signsJointly) {

    /** A mandate to sign jointly (gezamenlijk bevoegd); absent means the person signs alone. */
    boolean jointly() {
        return Boolean.TRUE.equals(signsJointly);
    }
}
