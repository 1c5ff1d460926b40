package nl.samenspel.governance.member;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** The people who act for a member organisation. Mandates are created by accepting an invitation. */
@Singleton
public class RepresentativeService {

    private final RepresentativeRepository representatives;
    private final MemberRepository members;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    RepresentativeService(
            RepresentativeRepository representatives,
            MemberRepository members,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.representatives = representatives;
        this.members = members;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MemberService.AMSTERDAM));
    }

    public List<RepresentativeResponse> list(CoalitionAccess access, UUID memberId) {
        LocalDate today = today();
        return tx.read(access.id(), () -> {
            requireMember(access, memberId);
            return representatives.findByCoalitionIdAndMemberId(access.id().value(), memberId).stream()
                    .map(l -> RepresentativeResponse.of(l.representative(), l.email(), l.displayName(), today))
                    .toList();
        });
    }

    /**
     * A REPRESENTATIVE role is only worth something while a mandate runs: after it ended (or before it
     * starts) the person acts for no member and sees nothing of the coalition.
     */
    public boolean hasCurrentMandate(nl.samenspel.core.tenancy.CoalitionId coalition, UUID accountId) {
        return tx.read(
                coalition,
                () -> representatives.existsCurrentByCoalitionIdAndAccountId(coalition.value(), accountId, today()));
    }

    public RepresentativeResponse end(
            CoalitionAccess access, UUID memberId, UUID id, EndRepresentativeRequest request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            requireMember(access, memberId);
            Representative current = representatives
                    .findByCoalitionIdAndMemberIdAndId(coalition, memberId, id)
                    .orElseThrow(() -> ProblemException.notFound(
                            "representative.not-found", "There is no such representative of this member."));
            if (current.validUntil() != null) {
                throw ProblemException.conflict("representative.already-ended", "This mandate has already ended.");
            }
            if (current.version() != request.version()) {
                throw ProblemException.conflict(
                        "representative.version-conflict",
                        "The mandate was changed by someone else; reload and try again.");
            }
            if (!request.validUntil().isAfter(current.validFrom())) {
                throw ProblemException.invalidField(
                        "validUntil", "representative.until-before-from", "must be after the day the mandate began");
            }
            if (representatives.end(coalition, id, request.validUntil(), request.version()) != 1) {
                throw ProblemException.conflict(
                        "representative.version-conflict",
                        "The mandate was changed by someone else; reload and try again.");
            }
            Representative ended = new Representative(
                    coalition,
                    id,
                    memberId,
                    current.accountId(),
                    current.mayVote(),
                    current.maySign(),
                    current.signsJointly(),
                    current.validFrom(),
                    request.validUntil(),
                    current.version() + 1);
            audit.append(
                    access.id(),
                    access.actor(),
                    "representative.ended",
                    "representative",
                    id,
                    current.auditState(),
                    ended.auditState());
            return representatives.findByCoalitionIdAndMemberId(coalition, memberId).stream()
                    .filter(l -> l.representative().id().equals(id))
                    .map(l -> RepresentativeResponse.of(l.representative(), l.email(), l.displayName(), today()))
                    .findFirst()
                    .orElseThrow();
        });
    }

    private void requireMember(CoalitionAccess access, UUID memberId) {
        if (members.findByCoalitionIdAndId(access.id().value(), memberId).isEmpty()) {
            throw ProblemException.notFound("member.not-found", "There is no such member in this coalition.");
        }
    }
}
