package nl.samenspel.governance.meeting;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.body.BodySeat;
import nl.samenspel.governance.body.BodySeatRepository;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.statute.StatuteRepository;
import nl.samenspel.governance.statute.StatuteVersion;
import nl.samenspel.governance.statute.rules.StatuteRules;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * What a meeting is judged by: the statute rules in force on its day, and the member organisations
 * entitled to vote in its body. Runs inside the caller's coalition-bound transaction.
 */
@Singleton
public class MeetingContext {

    /**
     * The rules, and where they come from in words a secretary recognises; {@code statuteNumber} is
     * null when no adopted version is in force and the template's defaults apply.
     */
    public record RulesInForce(StatuteRules rules, String source, @Nullable Integer statuteNumber) {}

    private final StatuteRepository statutes;
    private final BodySeatRepository seats;
    private final MemberRepository members;

    MeetingContext(StatuteRepository statutes, BodySeatRepository seats, MemberRepository members) {
        this.statutes = statutes;
        this.seats = seats;
        this.members = members;
    }

    /**
     * The adopted statute version in force on the day (for a coöperatie only once its deed is recorded);
     * without one, the template's defaults, which follow the law.
     */
    public RulesInForce rules(CoalitionAccess access, LocalDate day) {
        boolean cooperatie = access.coalition().legalForm() == LegalForm.COOPERATIE_UA;
        for (StatuteVersion v : statutes.all(access.id().value())) {
            if (v.inForceOn(day, cooperatie)) {
                return new RulesInForce(
                        v.rules(),
                        "statute version " + v.number() + " (" + v.title() + "), in force from "
                                + DateTimeFormatter.ISO_LOCAL_DATE.format(v.effectiveFrom()),
                        v.number());
            }
        }
        return cooperatie
                ? new RulesInForce(StatuteRules.cooperatie(), "the legal defaults for a coöperatie (BW Boek 2)", null)
                : new RulesInForce(
                        StatuteRules.samenwerkingsverband(), "the template defaults for a samenwerkingsverband", null);
    }

    /** Who chairs the body on the day: its chair seat then, if it has one. */
    public java.util.Optional<BodySeat> chair(UUID coalitionId, UUID bodyId, LocalDate day) {
        return seats.findAllOfBody(coalitionId, bodyId).stream()
                .filter(s -> s.role() == nl.samenspel.governance.body.SeatRole.CHAIR && s.currentOn(day))
                .findFirst();
    }

    /**
     * The members entitled to vote in the body on the day: those holding a voting seat then (none, when
     * every seat has lapsed). A body that has never had voting seats (an ALV) is all members of the
     * coalition on that day.
     */
    public List<Member> voters(UUID coalitionId, UUID bodyId, LocalDate day) {
        Map<UUID, Member> all = new LinkedHashMap<>();
        for (Member m : members.findByCoalitionIdOrderByName(coalitionId)) {
            all.put(m.id(), m);
        }
        List<BodySeat> votingSeats = seats.findAllOfBody(coalitionId, bodyId).stream()
                .filter(s -> s.votes() && s.memberId() != null)
                .toList();
        if (votingSeats.isEmpty()) {
            // A body that never had voting seats (an ALV) is all members; one whose seats lapsed is not.
            return all.values().stream().filter(m -> m.currentOn(day)).toList();
        }
        List<UUID> seated = votingSeats.stream()
                .filter(s -> s.currentOn(day))
                .map(BodySeat::memberId)
                .distinct()
                .toList();
        return all.values().stream()
                .filter(m -> seated.contains(m.id()) && m.currentOn(day))
                .toList();
    }
}
