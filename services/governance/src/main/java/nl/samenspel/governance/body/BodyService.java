package nl.samenspel.governance.body;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.coalition.BodyKind;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Bodies (organen, commissies): their mandate, seats and meeting rhythm. The service refuses a second
 * chair with a clear answer; the exclusion constraint {@code one_chair_per_body} refuses it again when
 * two requests race.
 */
@Singleton
public class BodyService {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final BodyRepository bodies;
    private final BodySeatRepository seats;
    private final RhythmPhaseRepository rhythm;
    private final MemberRepository members;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    BodyService(
            BodyRepository bodies,
            BodySeatRepository seats,
            RhythmPhaseRepository rhythm,
            MemberRepository members,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.bodies = bodies;
        this.seats = seats;
        this.rhythm = rhythm;
        this.members = members;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public List<BodyResponse> list(CoalitionAccess access) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> bodies.findAllOfCoalition(coalition).stream()
                .map(b -> summary(b))
                .toList());
    }

    public BodyResponse get(CoalitionAccess access, UUID id) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> detail(coalition, find(coalition, id)));
    }

    public BodyResponse create(CoalitionAccess access, CreateBodyRequest request) {
        access.require(CoalitionRole.SECRETARY);
        Set<DecisionType> types = types(request.decisionTypes());
        boolean formal = request.formal() == null ? request.kind() != BodyKind.KLANKBORDGROEP : request.formal();
        refuseDecisionsWhenInformal(formal, types);
        UUID coalition = access.id().value();
        String name = request.name().trim();
        return tx.write(access.id(), () -> {
            UUID id = UUID.randomUUID();
            refuseNameClash(coalition, name, id);
            bodies.insert(
                    coalition,
                    id,
                    request.kind().name(),
                    name,
                    bodies.nextPosition(coalition),
                    mandate(request.mandate()),
                    Body.join(types),
                    formal);
            Body saved = find(coalition, id);
            audit.append(access.id(), access.actor(), "body.created", "body", id, null, saved.auditState());
            return detail(coalition, saved);
        });
    }

    public BodyResponse update(CoalitionAccess access, UUID id, UpdateBodyRequest request) {
        access.require(CoalitionRole.SECRETARY);
        Set<DecisionType> types = types(request.decisionTypes());
        refuseDecisionsWhenInformal(request.formal(), types);
        UUID coalition = access.id().value();
        String name = request.name().trim();
        return tx.write(access.id(), () -> {
            Body current = find(coalition, id);
            if (current.version() != request.version()) {
                throw stale();
            }
            refuseNameClash(coalition, name, id);
            if (bodies.update(
                            coalition,
                            id,
                            request.version(),
                            name,
                            mandate(request.mandate()),
                            Body.join(types),
                            request.formal())
                    != 1) {
                throw stale();
            }
            Body updated = find(coalition, id);
            audit.append(
                    access.id(),
                    access.actor(),
                    "body.updated",
                    "body",
                    id,
                    current.auditState(),
                    updated.auditState());
            return detail(coalition, updated);
        });
    }

    public BodyResponse addSeat(CoalitionAccess access, UUID bodyId, AddSeatRequest request) {
        access.require(CoalitionRole.SECRETARY);
        if (request.termUntil() != null && !request.termUntil().isAfter(request.termFrom())) {
            throw ProblemException.invalidField(
                    "termUntil", "body.seat-until-before-from", "must be after the first day");
        }
        boolean adviser = request.role() == SeatRole.ADVISER;
        if (adviser && Boolean.TRUE.equals(request.votes())) {
            throw ProblemException.invalidField("votes", "body.adviser-votes", "an adviser never votes");
        }
        if (!adviser && request.memberId() == null) {
            throw ProblemException.invalidField(
                    "memberId", "body.seat-member-required", "only an external adviser sits without a member");
        }
        boolean votes = !adviser && (request.votes() == null || request.votes());
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Body body = lock(coalition, bodyId);
            if (request.memberId() != null) {
                Member member = members.findByCoalitionIdAndId(coalition, request.memberId())
                        .orElseThrow(() -> ProblemException.invalidField(
                                "memberId", "member.not-found", "no such member in this coalition"));
                if (!member.currentOn(request.termFrom())) {
                    throw ProblemException.invalidField(
                            "memberId", "member.not-current", "is not a member on the first day of the term");
                }
            }
            if (request.role() == SeatRole.CHAIR
                    && seats.chairOverlaps(coalition, bodyId, request.termFrom(), request.termUntil())) {
                throw new ProblemException(
                        HttpStatus.CONFLICT,
                        "body.chair-taken",
                        "This body already has a chair in that period; end that seat first.",
                        List.of(new FieldError("role", "body.chair-taken", "overlaps another chair")));
            }
            UUID id = UUID.randomUUID();
            BodySeat saved = seats.save(new BodySeat(
                    coalition,
                    id,
                    bodyId,
                    request.memberId(),
                    request.personName().trim(),
                    request.role(),
                    votes,
                    request.termFrom(),
                    request.termUntil(),
                    clock.instant(),
                    0));
            audit.append(access.id(), access.actor(), "body.seat-added", "body_seat", id, null, saved.auditState());
            return detail(coalition, body);
        });
    }

    public BodyResponse endSeat(CoalitionAccess access, UUID bodyId, UUID seatId, EndSeatRequest request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Body body = lock(coalition, bodyId);
            BodySeat seat = seats.findOfBody(coalition, bodyId, seatId)
                    .orElseThrow(() ->
                            ProblemException.notFound("body.seat-not-found", "There is no such seat in this body."));
            if (seat.version() != request.version()) {
                throw stale();
            }
            if (seat.termUntil() != null) {
                throw ProblemException.conflict("body.seat-ended", "This seat has already ended.");
            }
            if (!request.termUntil().isAfter(seat.termFrom())) {
                throw ProblemException.invalidField(
                        "termUntil", "body.seat-until-before-from", "must be after the first day of the term");
            }
            if (seats.end(coalition, seatId, seat.version(), request.termUntil()) != 1) {
                throw stale();
            }
            BodySeat ended = new BodySeat(
                    coalition,
                    seatId,
                    bodyId,
                    seat.memberId(),
                    seat.personName(),
                    seat.role(),
                    seat.votes(),
                    seat.termFrom(),
                    request.termUntil(),
                    seat.createdAt(),
                    seat.version() + 1);
            audit.append(
                    access.id(),
                    access.actor(),
                    "body.seat-ended",
                    "body_seat",
                    seatId,
                    seat.auditState(),
                    ended.auditState());
            return detail(coalition, body);
        });
    }

    public BodyResponse setRhythm(CoalitionAccess access, UUID bodyId, RhythmRequest request) {
        access.require(CoalitionRole.SECRETARY);
        List<RhythmRequest.PhaseRequest> phases = request.phases();
        for (int i = 0; i < phases.size(); i++) {
            LocalDate until = phases.get(i).until();
            String field = "phases[" + i + "].until";
            if (until == null && i < phases.size() - 1) {
                throw ProblemException.invalidField(field, "body.rhythm-open-phase", "only the last phase may be open");
            }
            if (until != null && i > 0 && !until.isAfter(phases.get(i - 1).until())) {
                throw ProblemException.invalidField(
                        field, "body.rhythm-not-increasing", "must be after the end of the previous phase");
            }
        }
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Body body = lock(coalition, bodyId);
            List<RhythmPhase> before = rhythm.findAllOfBody(coalition, bodyId);
            rhythm.deleteAllOfBody(coalition, bodyId);
            List<RhythmPhase> after = new ArrayList<>();
            for (int i = 0; i < phases.size(); i++) {
                after.add(rhythm.save(new RhythmPhase(
                        coalition,
                        bodyId,
                        i,
                        phases.get(i).everyWeeks(),
                        phases.get(i).until())));
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "body.rhythm-set",
                    "body",
                    bodyId,
                    rhythmState(before),
                    rhythmState(after));
            return detail(coalition, body);
        });
    }

    /** The next {@code count} meetings, the first on {@code from}, following the body's rhythm. */
    public List<LocalDate> nextMeetings(CoalitionAccess access, UUID bodyId, LocalDate from, int count) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> {
            find(coalition, bodyId);
            return rhythmOf(coalition, bodyId).next(from, count);
        });
    }

    private MeetingRhythm rhythmOf(UUID coalition, UUID bodyId) {
        return new MeetingRhythm(rhythm.findAllOfBody(coalition, bodyId).stream()
                .map(p -> new MeetingRhythm.Phase(p.everyWeeks(), p.until()))
                .toList());
    }

    private static Map<String, Object> rhythmState(List<RhythmPhase> phases) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(
                "phases",
                phases.stream()
                        .map(p -> {
                            Map<String, Object> phase = new LinkedHashMap<>();
                            phase.put("everyWeeks", p.everyWeeks());
                            phase.put(
                                    "until",
                                    p.until() == null ? null : p.until().toString());
                            return phase;
                        })
                        .toList());
        return state;
    }

    private Body find(UUID coalition, UUID id) {
        return bodies.findByCoalitionIdAndId(coalition, id).orElseThrow(BodyService::notFound);
    }

    private Body lock(UUID coalition, UUID id) {
        return bodies.lockByCoalitionIdAndId(coalition, id).orElseThrow(BodyService::notFound);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("body.not-found", "There is no such body in this coalition.");
    }

    private static ProblemException stale() {
        return ProblemException.conflict(
                "body.version-conflict", "It was changed by someone else; reload and try again.");
    }

    private void refuseNameClash(UUID coalition, String name, UUID exceptId) {
        if (bodies.nameTaken(coalition, name, exceptId)) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "body.name-taken",
                    "This coalition already has a body with that name.",
                    List.of(new FieldError("name", "body.name-taken", "is already used by another body")));
        }
    }

    private static void refuseDecisionsWhenInformal(boolean formal, Set<DecisionType> types) {
        if (!formal && !types.isEmpty()) {
            throw ProblemException.invalidField(
                    "decisionTypes", "body.informal-decides", "a body without a formal role takes no decisions");
        }
    }

    private static Set<DecisionType> types(Set<DecisionType> requested) {
        return requested == null || requested.isEmpty()
                ? EnumSet.noneOf(DecisionType.class)
                : EnumSet.copyOf(requested);
    }

    private static String mandate(String mandate) {
        return mandate == null ? "" : mandate;
    }

    private BodyResponse summary(Body b) {
        return response(b, null, null);
    }

    private BodyResponse detail(UUID coalition, Body b) {
        LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
        Map<UUID, String> names = new LinkedHashMap<>();
        List<BodyResponse.SeatResponse> seatResponses = seats.findAllOfBody(coalition, b.id()).stream()
                .map(s -> new BodyResponse.SeatResponse(
                        s.id(),
                        s.memberId(),
                        s.memberId() == null
                                ? null
                                : names.computeIfAbsent(s.memberId(), m -> members.findByCoalitionIdAndId(coalition, m)
                                        .map(Member::name)
                                        .orElseThrow()),
                        s.personName(),
                        s.role(),
                        s.votes(),
                        s.termFrom(),
                        s.termUntil(),
                        s.currentOn(today),
                        s.version()))
                .toList();
        List<BodyResponse.PhaseResponse> phases = rhythm.findAllOfBody(coalition, b.id()).stream()
                .map(p -> new BodyResponse.PhaseResponse(p.everyWeeks(), p.until()))
                .toList();
        return response(b, seatResponses, phases);
    }

    private static BodyResponse response(
            Body b, List<BodyResponse.SeatResponse> seatList, List<BodyResponse.PhaseResponse> phases) {
        return new BodyResponse(
                b.id(),
                b.kind(),
                b.name(),
                b.position(),
                b.mandate(),
                b.decisionTypeSet(),
                b.formal(),
                b.version(),
                seatList,
                phases);
    }
}
