package nl.samenspel.governance.member;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A person's mandate to act for a member organisation, from one day until (not including) another. */
public record Representative(
        UUID coalitionId,
        UUID id,
        UUID memberId,
        UUID accountId,
        boolean mayVote,
        boolean maySign,
        boolean signsJointly,
        LocalDate validFrom,
        @Nullable LocalDate validUntil,
        int version) {

    public boolean currentOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validUntil == null || validUntil.isAfter(day));
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("memberId", memberId.toString());
        state.put("accountId", accountId.toString());
        state.put("mayVote", mayVote);
        state.put("maySign", maySign);
        state.put("signsJointly", signsJointly);
        state.put("validFrom", validFrom.toString());
        state.put("validUntil", validUntil == null ? null : validUntil.toString());
        return state;
    }
}
