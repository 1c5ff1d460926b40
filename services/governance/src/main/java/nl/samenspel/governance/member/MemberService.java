package nl.samenspel.governance.member;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import nl.samenspel.core.api.PageResponse;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.tenancy.CoalitionAccess;

@Singleton
public class MemberService {

    /** Membership dates are Dutch calendar days. */
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    public enum Filter {
        CURRENT,
        FORMER,
        ALL
    }

    private final MemberRepository members;
    private final MemberPages pages;
    private final RepresentativeRepository representatives;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    MemberService(
            MemberRepository members,
            MemberPages pages,
            RepresentativeRepository representatives,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.members = members;
        this.pages = pages;
        this.representatives = representatives;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(AMSTERDAM));
    }

    public PageResponse<MemberResponse> list(CoalitionAccess access, Filter filter, int page, int size) {
        UUID coalition = access.id().value();
        LocalDate today = today();
        return tx.read(access.id(), () -> {
            MemberPages.Slice slice = pages.page(coalition, filter, page, size);
            return PageResponse.of(
                    slice.members().stream()
                            .map(m -> MemberResponse.of(m, today))
                            .toList(),
                    page,
                    size,
                    slice.total());
        });
    }

    public MemberResponse get(CoalitionAccess access, UUID id) {
        return tx.read(access.id(), () -> MemberResponse.of(find(access, id), today()));
    }

    public MemberResponse create(CoalitionAccess access, MemberRequest request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            UUID id = UUID.randomUUID();
            checkUnique(coalition, id, request);
            Member member = members.save(new Member(
                    coalition,
                    id,
                    request.name().trim(),
                    request.kind(),
                    request.kvkNumber(),
                    request.rsin(),
                    request.joinedOn(),
                    null,
                    fte(request.contributionFte()),
                    request.contributionCents() == null ? 0 : request.contributionCents(),
                    request.votingWeight() == null ? 1 : request.votingWeight(),
                    Boolean.TRUE.equals(request.alsoOpdrachtgever()),
                    clock.instant(),
                    0));
            audit.append(access.id(), access.actor(), "member.created", "member", id, null, member.auditState());
            return MemberResponse.of(member, today());
        });
    }

    public MemberResponse update(CoalitionAccess access, UUID id, MemberRequest request) {
        access.require(CoalitionRole.SECRETARY);
        if (request.version() == null) {
            throw ProblemException.invalidField("version", "required", "the version you last read is required");
        }
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Member current = find(access, id);
            checkVersion(current, request.version());
            if (current.leftOn() != null && current.leftOn().isBefore(request.joinedOn())) {
                throw ProblemException.invalidField(
                        "joinedOn", "member.joined-after-left", "must not be after the day the member left");
            }
            checkUnique(coalition, id, request);
            Member changed = members.update(new Member(
                    coalition,
                    id,
                    request.name().trim(),
                    request.kind(),
                    request.kvkNumber(),
                    request.rsin(),
                    request.joinedOn(),
                    current.leftOn(),
                    fte(request.contributionFte()),
                    request.contributionCents() == null ? 0 : request.contributionCents(),
                    request.votingWeight() == null ? 1 : request.votingWeight(),
                    Boolean.TRUE.equals(request.alsoOpdrachtgever()),
                    current.createdAt(),
                    current.version()));
            audit.append(
                    access.id(),
                    access.actor(),
                    "member.updated",
                    "member",
                    id,
                    current.auditState(),
                    changed.auditState());
            return MemberResponse.of(changed, today());
        });
    }

    /** Ends a membership on a day; the member and its history stay. */
    public MemberResponse end(CoalitionAccess access, UUID id, EndMembershipRequest request) {
        access.require(CoalitionRole.SECRETARY);
        return tx.write(access.id(), () -> {
            Member current = find(access, id);
            checkVersion(current, request.version());
            if (current.leftOn() != null) {
                throw ProblemException.conflict("member.already-ended", "This membership has already ended.");
            }
            if (request.leftOn().isBefore(current.joinedOn())) {
                throw ProblemException.invalidField(
                        "leftOn", "member.left-before-joined", "must not be before the day the member joined");
            }
            Member ended = members.update(new Member(
                    current.coalitionId(),
                    current.id(),
                    current.name(),
                    current.kind(),
                    current.kvkNumber(),
                    current.rsin(),
                    current.joinedOn(),
                    request.leftOn(),
                    current.contributionFte(),
                    current.contributionCents(),
                    current.votingWeight(),
                    current.alsoOpdrachtgever(),
                    current.createdAt(),
                    current.version()));
            audit.append(
                    access.id(),
                    access.actor(),
                    "member.ended",
                    "member",
                    id,
                    current.auditState(),
                    ended.auditState());
            // A member that leaves is represented by no one from that day on.
            for (Representative mandate : representatives.endAllOfMember(current.coalitionId(), id, request.leftOn())) {
                java.util.Map<String, Object> after = new java.util.LinkedHashMap<>(mandate.auditState());
                after.put("validUntil", request.leftOn().toString());
                audit.append(
                        access.id(),
                        access.actor(),
                        "representative.ended",
                        "representative",
                        mandate.id(),
                        mandate.auditState(),
                        after);
            }
            return MemberResponse.of(ended, today());
        });
    }

    Member find(CoalitionAccess access, UUID id) {
        return members.findByCoalitionIdAndId(access.id().value(), id)
                .orElseThrow(() ->
                        ProblemException.notFound("member.not-found", "There is no such member in this coalition."));
    }

    private static void checkVersion(Member current, int version) {
        if (current.version() != version) {
            throw ProblemException.conflict(
                    "member.version-conflict", "The member was changed by someone else; reload and try again.");
        }
    }

    private void checkUnique(UUID coalition, UUID id, MemberRequest request) {
        if (members.existsCurrentName(coalition, request.name().trim(), id)) {
            throw new ProblemException(
                    io.micronaut.http.HttpStatus.CONFLICT,
                    "member.name-taken",
                    "A current member already has this name.",
                    java.util.List.of(new nl.samenspel.core.problem.FieldError(
                            "name", "member.name-taken", "already a current member")));
        }
        if (request.rsin() != null && members.existsCurrentRsin(coalition, request.rsin(), id)) {
            throw new ProblemException(
                    io.micronaut.http.HttpStatus.CONFLICT,
                    "member.rsin-taken",
                    "A current member already has this RSIN.",
                    java.util.List.of(new nl.samenspel.core.problem.FieldError(
                            "rsin", "member.rsin-taken", "already a current member")));
        }
    }

    private static BigDecimal fte(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
