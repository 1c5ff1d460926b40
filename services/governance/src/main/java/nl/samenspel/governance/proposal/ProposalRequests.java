package nl.samenspel.governance.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;
import nl.samenspel.governance.statute.rules.DecisionType;

/** What clients send to draft proposals, open them and vote. */
public final class ProposalRequests {

    private ProposalRequests() {}

    /**
     * A draft; {@code meetingId} for a proposal decided in a meeting, none for a written decision; a
     * statute amendment names the draft statute version it would adopt.
     */
    @Serdeable
    public record Draft(
            @NotBlank @Size(max = 300) @PlainText String title,
            @Nullable @Size(max = 100000) String text,
            @NotNull DecisionType decisionType,
            @NotNull UUID bodyId,
            @NotNull Proposal.Mode mode,
            @Nullable UUID meetingId,
            @Nullable UUID statuteVersionId,
            @Nullable Boolean votesChangeable,
            @Nullable Integer version) {}

    @Serdeable
    public record Open(@NotNull OffsetDateTime closesAt, int version) {}

    @Serdeable
    public record Cast(@NotNull Vote.Choice choice) {}

    /** A proxy from {@code grantorId} to {@code holderId}; without instruction the holder votes freely. */
    @Serdeable
    public record GrantProxy(@NotNull UUID grantorId, @NotNull UUID holderId, @Nullable Vote.Choice instruction) {}

    @Serdeable
    public record DeclareConflict(@NotNull UUID memberId, @NotBlank @Size(max = 2000) String reason) {}
}
