package nl.samenspel.governance.meeting;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.statute.rules.DecisionType;

/** One point on a meeting's agenda; a decision item names the type of decision the statutes govern. */
public record AgendaItem(
        UUID id,
        UUID meetingId,
        int position,
        String title,
        String description,
        Kind kind,
        @Nullable DecisionType decisionType,
        int version) {

    public enum Kind {
        INFORMATION,
        DISCUSSION,
        DECISION
    }

    public boolean decides() {
        return kind == Kind.DECISION;
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("meetingId", meetingId.toString());
        state.put("position", position);
        state.put("title", title);
        state.put("kind", kind.name());
        state.put("decisionType", decisionType == null ? null : decisionType.name());
        return state;
    }
}
