package nl.samenspel.governance.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.statute.rules.DecisionType;

/**
 * A proposal as clients see it. While voting is open the list of votes says who voted, not how; the
 * choices are shown once the proposal is closed, with {@code result}: the validity record (rules
 * source, statute version, quorum, tally, votes, proxies, recusals, explanation).
 */
@Serdeable
public record ProposalResponse(
        UUID id,
        int number,
        String title,
        String text,
        DecisionType decisionType,
        UUID bodyId,
        String bodyName,
        Proposal.Mode mode,
        @Nullable UUID meetingId,
        @Nullable UUID statuteVersionId,
        Proposal.Status status,
        boolean votesChangeable,
        @Nullable Instant openedAt,
        @Nullable Instant closesAt,
        @Nullable Instant closedAt,
        @Nullable Proposal.Outcome outcome,
        int version,
        @Nullable List<Voter> voters,
        @Nullable List<ProxyResponse> proxies,
        @Nullable List<RecusalResponse> recusals,
        @Nullable List<AttachmentResponse> attachments,
        @Nullable MyVote myVote,
        @Nullable Map<String, Object> result) {

    /** A member entitled to vote, whether it voted, and (once closed) how. */
    @Serdeable
    public record Voter(UUID memberId, String memberName, int weight, boolean voted, @Nullable Vote.Choice choice) {}

    @Serdeable
    public record ProxyResponse(
            UUID grantorId, String grantorName, UUID holderId, String holderName, @Nullable Vote.Choice instruction) {}

    @Serdeable
    public record RecusalResponse(UUID memberId, String memberName, String reason, Instant declaredAt) {}

    /** A bijlage: what the members vote on besides the text, fixed once voting opens. */
    @Serdeable
    public record AttachmentResponse(
            UUID id, String filename, String contentType, int sizeBytes, String sha256, Instant uploadedAt) {}

    /** The caller's own member and its vote, when the caller may vote. */
    @Serdeable
    public record MyVote(UUID memberId, String memberName, @Nullable Vote.Choice choice, int revision) {}

    /** What a cast vote returns. */
    @Serdeable
    public record CastVote(UUID proposalId, UUID memberId, Vote.Choice choice, int revision, Instant castAt) {}
}
