package nl.samenspel.governance.meeting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.statute.rules.DecisionType;

/** An entry in the coalition's decision list (besluitenlijst), numbered per coalition. */
public record Decision(
        UUID id,
        int number,
        UUID meetingId,
        UUID agendaItemId,
        DecisionType decisionType,
        String text,
        Outcome outcome,
        Instant decidedAt,
        String recordedBy) {

    public enum Outcome {
        ADOPTED,
        REJECTED
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("number", number);
        state.put("meetingId", meetingId.toString());
        state.put("agendaItemId", agendaItemId.toString());
        state.put("decisionType", decisionType.name());
        state.put("text", text);
        state.put("outcome", outcome.name());
        return state;
    }
}
