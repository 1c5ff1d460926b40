package nl.samenspel.governance.signing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;

/** What clients send to ask for signatures, sign, decline and cancel. */
public final class SigningRequests {

    private SigningRequests() {}

    /**
     * Ask the members in {@code memberIds} to sign the document, in that order when {@code order} is
     * {@code SEQUENTIAL}, before {@code deadline}. Without a title the document's title is used.
     */
    @Serdeable
    public record Create(
            @NotNull UUID documentId,
            @Nullable @Size(max = 300) @PlainText String title,
            @Nullable @Size(max = 5000) String message,
            @NotNull SignatureRequest.Order order,
            @NotNull OffsetDateTime deadline,
            @NotEmpty @Size(max = 50) List<@NotNull UUID> memberIds) {}

    /**
     * A signature: the caller's password again and consent to the text shown. {@code memberId} is
     * needed only when the caller may sign for more than one member of the request; {@code
     * consentSha256}, the SHA-256 of the consent text the signer was shown ({@code yourTurns}), makes
     * sure the recorded text is that one (409 when it has changed meanwhile).
     */
    @Serdeable
    public record Sign(
            @NotBlank @Size(max = 200) String password,
            @NotNull Boolean consent,
            @Nullable UUID memberId,
            @Nullable @Size(max = 64) String consentSha256) {

        public Sign(String password, Boolean consent, UUID memberId) {
            this(password, consent, memberId, null);
        }
    }

    @Serdeable
    public record Decline(@NotBlank @Size(max = 2000) String reason, @Nullable UUID memberId) {}

    @Serdeable
    public record Cancel(@NotBlank @Size(max = 2000) String reason) {}
}
