package nl.samenspel.governance.proposal;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.statute.rules.DecisionType;

/** A proposal (voorstel) a body decides on, in a meeting or in writing, within a voting window. */
public record Proposal(
        UUID coalitionId,
        UUID id,
        int number,
        String title,
        String text,
        DecisionType decisionType,
        UUID bodyId,
        Mode mode,
        @Nullable UUID meetingId,
        @Nullable UUID statuteVersionId,
        Status status,
        boolean votesChangeable,
        @Nullable Instant openedAt,
        @Nullable Instant closesAt,
        @Nullable Instant closedAt,
        @Nullable Outcome outcome,
        int version) {

    public enum Mode {
        /** Voted on in (the window around) a meeting of the body. */
        MEETING,
        /** Schriftelijke besluitvorming: outside a meeting. */
        WRITTEN
    }

    public enum Status {
        DRAFT,
        OPEN,
        CLOSED
    }

    public enum Outcome {
        ADOPTED,
        REJECTED,
        /** Not validly decided, e.g. the quorum was not met. */
        INVALID
    }

    /** Whether a vote may land at this moment, as far as the proposal itself goes. */
    public boolean openAt(Instant moment) {
        return status == Status.OPEN && closesAt != null && closesAt.isAfter(moment);
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("number", number);
        state.put("title", title);
        state.put("decisionType", decisionType.name());
        state.put("bodyId", bodyId.toString());
        state.put("mode", mode.name());
        state.put("meetingId", meetingId == null ? null : meetingId.toString());
        state.put("statuteVersionId", statuteVersionId == null ? null : statuteVersionId.toString());
        state.put("status", status.name());
        state.put("closesAt", closesAt == null ? null : closesAt.toString());
        state.put("outcome", outcome == null ? null : outcome.name());
        return state;
    }
}
