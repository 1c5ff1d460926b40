package nl.samenspel.governance.web.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.body.AddSeatRequest;
import nl.samenspel.governance.body.SeatRole;
import nl.samenspel.governance.web.Forms;

/** A new seat as typed. Unticking "votes" makes a non-voting seat; an adviser never votes anyway. */
@Serdeable
public record SeatForm(
        @Nullable String memberId,
        @Nullable String personName,
        @Nullable String seatRole,
        @Nullable String votes,
        @Nullable String termFrom,
        @Nullable String termUntil) {

    static final List<String> FIELDS = List.of("memberId", "personName", "seatRole", "votes", "termFrom", "termUntil");

    static SeatForm empty(String today) {
        return new SeatForm("", "", "MEMBER", "on", today, "");
    }

    public boolean voting() {
        return Forms.checked(votes);
    }

    AddSeatRequest toRequest(Map<String, String> errors) {
        UUID member = null;
        if (!Forms.blank(memberId)) {
            try {
                member = UUID.fromString(memberId.trim());
            } catch (IllegalArgumentException e) {
                errors.put("memberId", "error.invalid");
            }
        }
        return new AddSeatRequest(
                member,
                Forms.trimmed(personName),
                Forms.choice(SeatRole.class, seatRole, "seatRole", errors),
                voting() ? null : Boolean.FALSE,
                Forms.date(termFrom, "termFrom", errors),
                Forms.date(termUntil, "termUntil", errors));
    }

    static String fieldOf(String property) {
        return "role".equals(property) ? "seatRole" : property;
    }
}
