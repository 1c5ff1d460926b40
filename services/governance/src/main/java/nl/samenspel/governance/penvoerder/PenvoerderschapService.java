package nl.samenspel.governance.penvoerder;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Penvoerderschap per scope. The service refuses overlaps with a clear answer; the exclusion
 * constraint {@code one_penvoerder_per_scope} refuses them again when two requests race.
 */
@Singleton
public class PenvoerderschapService {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final PenvoerderschapRepository periods;
    private final MemberRepository members;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    PenvoerderschapService(
            PenvoerderschapRepository periods,
            MemberRepository members,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.periods = periods;
        this.members = members;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public List<PenvoerderschapResponse> list(CoalitionAccess access) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> {
            List<Penvoerderschap> all = periods.findAllOfCoalition(coalition);
            Map<UUID, String> names = all.stream()
                    .map(Penvoerderschap::memberId)
                    .distinct()
                    .map(id -> members.findByCoalitionIdAndId(coalition, id).orElseThrow())
                    .collect(Collectors.toMap(Member::id, Member::name));
            return all.stream().map(p -> response(p, names::get)).toList();
        });
    }

    public PenvoerderschapResponse appoint(CoalitionAccess access, AppointPenvoerderRequest request) {
        access.require(CoalitionRole.SECRETARY);
        if (request.validUntil() != null && !request.validUntil().isAfter(request.validFrom())) {
            throw ProblemException.invalidField(
                    "validUntil", "penvoerderschap.until-before-from", "must be after the first day");
        }
        UUID coalition = access.id().value();
        String scope = request.scope().trim();
        return tx.write(access.id(), () -> {
            Member member = memberOn(coalition, request.memberId(), request.validFrom(), "memberId");
            UUID id = UUID.randomUUID();
            refuseOverlap(coalition, scope, request.validFrom(), request.validUntil(), id);
            Penvoerderschap saved = periods.save(new Penvoerderschap(
                    coalition,
                    id,
                    scope,
                    member.id(),
                    request.validFrom(),
                    request.validUntil(),
                    request.mandate() == null ? "" : request.mandate(),
                    clock.instant(),
                    0));
            audit.append(
                    access.id(),
                    access.actor(),
                    "penvoerderschap.appointed",
                    "penvoerderschap",
                    id,
                    null,
                    saved.auditState());
            return response(saved, m -> member.name());
        });
    }

    /** Ends the running period on {@code on} and starts the next member's from that day, in one transaction. */
    public List<PenvoerderschapResponse> handover(CoalitionAccess access, UUID id, HandoverRequest request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        tx.run(access.id(), () -> {
            Penvoerderschap current = periods.findByCoalitionIdAndId(coalition, id)
                    .orElseThrow(() -> ProblemException.notFound(
                            "penvoerderschap.not-found", "There is no such penvoerderschap in this coalition."));
            if (current.version() != request.version()) {
                throw ProblemException.conflict(
                        "penvoerderschap.version-conflict", "It was changed by someone else; reload and try again.");
            }
            if (current.validUntil() != null) {
                throw ProblemException.conflict(
                        "penvoerderschap.already-ended", "This penvoerderschap has already ended; appoint a new one.");
            }
            if (!request.on().isAfter(current.validFrom())) {
                throw ProblemException.invalidField(
                        "on",
                        "penvoerderschap.handover-too-early",
                        "must be after the day the current penvoerder started");
            }
            if (request.toMemberId().equals(current.memberId())) {
                throw ProblemException.invalidField(
                        "toMemberId",
                        "penvoerderschap.same-member",
                        "must be another member than the current penvoerder");
            }
            Member next = memberOn(coalition, request.toMemberId(), request.on(), "toMemberId");
            if (periods.end(coalition, id, current.version(), request.on()) != 1) {
                throw ProblemException.conflict(
                        "penvoerderschap.version-conflict", "It was changed by someone else; reload and try again.");
            }
            Penvoerderschap ended = new Penvoerderschap(
                    coalition,
                    id,
                    current.scope(),
                    current.memberId(),
                    current.validFrom(),
                    request.on(),
                    current.mandate(),
                    current.createdAt(),
                    current.version() + 1);
            audit.append(
                    access.id(),
                    access.actor(),
                    "penvoerderschap.ended",
                    "penvoerderschap",
                    id,
                    current.auditState(),
                    ended.auditState());
            UUID nextId = UUID.randomUUID();
            refuseOverlap(coalition, current.scope(), request.on(), null, nextId);
            Penvoerderschap started = periods.save(new Penvoerderschap(
                    coalition,
                    nextId,
                    current.scope(),
                    next.id(),
                    request.on(),
                    null,
                    request.mandate() == null ? current.mandate() : request.mandate(),
                    clock.instant(),
                    0));
            audit.append(
                    access.id(),
                    access.actor(),
                    "penvoerderschap.appointed",
                    "penvoerderschap",
                    nextId,
                    null,
                    started.auditState());
        });
        return list(access);
    }

    private void refuseOverlap(UUID coalition, String scope, LocalDate from, LocalDate until, UUID exceptId) {
        if (periods.overlaps(coalition, scope, from, until, exceptId)) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "penvoerderschap.overlap",
                    "This scope already has a penvoerder in that period; hand it over instead.",
                    List.of(new FieldError("validFrom", "penvoerderschap.overlap", "overlaps another penvoerder")));
        }
    }

    private Member memberOn(UUID coalition, UUID memberId, LocalDate day, String field) {
        Member member = members.findByCoalitionIdAndId(coalition, memberId)
                .orElseThrow(() ->
                        ProblemException.invalidField(field, "member.not-found", "no such member in this coalition"));
        if (!member.currentOn(day)) {
            throw ProblemException.invalidField(field, "member.not-current", "is not a member on that day");
        }
        return member;
    }

    private PenvoerderschapResponse response(Penvoerderschap p, Function<UUID, String> memberName) {
        return new PenvoerderschapResponse(
                p.id(),
                p.scope(),
                p.memberId(),
                memberName.apply(p.memberId()),
                p.validFrom(),
                p.validUntil(),
                p.currentOn(LocalDate.now(clock.withZone(AMSTERDAM))),
                p.mandate(),
                p.version());
    }
}
