package nl.samenspel.governance.proposal;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.member.MemberKind;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.member.MemberRequest;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.penvoerder.AppointPenvoerderRequest;
import nl.samenspel.governance.penvoerder.PenvoerderschapService;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * The consequences of adopting an admission or a penvoerder appointment: set on the proposal before
 * voting opens, carried out in the transaction that closes it, and linked to what they created.
 */
@Singleton
public class ProposalConsequences {

    /** What is set on a proposal. */
    public record Consequence(
            DecisionType kind,
            String memberName,
            MemberKind memberKind,
            UUID memberId,
            String scope,
            String mandate,
            UUID createdId) {}

    private final TransactionOperations<Connection> transactions;
    private final ProposalRepository proposals;
    private final MemberRepository members;
    private final MemberService memberService;
    private final PenvoerderschapService penvoerders;
    private final TenantTransactions tx;

    ProposalConsequences(
            TransactionOperations<Connection> transactions,
            ProposalRepository proposals,
            MemberRepository members,
            MemberService memberService,
            PenvoerderschapService penvoerders,
            TenantTransactions tx) {
        this.transactions = transactions;
        this.proposals = proposals;
        this.members = members;
        this.memberService = memberService;
        this.penvoerders = penvoerders;
        this.tx = tx;
    }

    public static boolean needed(DecisionType type) {
        return type == DecisionType.ADMISSION || type == DecisionType.PENVOERDER_APPOINTMENT;
    }

    public void set(CoalitionAccess access, UUID proposalId, ConsequenceRequest request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        tx.write(access.id(), () -> {
            Proposal p = proposals.lock(coalition, proposalId).orElseThrow(ProposalService::notFound);
            if (p.status() != Proposal.Status.DRAFT) {
                throw ProblemException.conflict(
                        "proposal.not-draft", "Voting on this proposal has begun; what it brings about is fixed.");
            }
            Sql sql = Sql.on(transactions.getConnection());
            sql.update(
                    "DELETE FROM proposal_consequence WHERE coalition_id = ? AND proposal_id = ?",
                    coalition,
                    proposalId);
            if (p.decisionType() == DecisionType.ADMISSION) {
                if (request.admission() == null || request.appointment() != null) {
                    throw ProblemException.invalidField(
                            "admission", "proposal.admission-required", "an admission names the organisation admitted");
                }
                sql.update(
                        """
                        INSERT INTO proposal_consequence (coalition_id, proposal_id, kind, member_name, member_kind)
                        VALUES (?, ?, 'ADMISSION', ?, ?)""",
                        coalition,
                        proposalId,
                        request.admission().name().strip(),
                        request.admission().kind());
            } else if (p.decisionType() == DecisionType.PENVOERDER_APPOINTMENT) {
                if (request.appointment() == null || request.admission() != null) {
                    throw ProblemException.invalidField(
                            "appointment",
                            "proposal.appointment-required",
                            "an appointment names the member and scope");
                }
                if (members.findByCoalitionIdAndId(
                                coalition, request.appointment().memberId())
                        .isEmpty()) {
                    throw ProblemException.invalidField(
                            "appointment.memberId", "member.not-found", "no such member in this coalition");
                }
                sql.update(
                        """
                        INSERT INTO proposal_consequence (coalition_id, proposal_id, kind, member_id, scope, mandate)
                        VALUES (?, ?, 'PENVOERDER_APPOINTMENT', ?, ?, ?)""",
                        coalition,
                        proposalId,
                        request.appointment().memberId(),
                        request.appointment().scope().strip(),
                        request.appointment().mandate() == null
                                ? ""
                                : request.appointment().mandate());
            } else {
                throw ProblemException.invalidField(
                        "admission",
                        "proposal.no-consequence",
                        "only an admission or a penvoerder appointment has one");
            }
            return null;
        });
    }

    public Optional<Consequence> of(UUID coalition, UUID proposalId) {
        return Sql.on(transactions.getConnection())
                .one(
                        "SELECT * FROM proposal_consequence WHERE coalition_id = ? AND proposal_id = ?",
                        rs -> new Consequence(
                                DecisionType.valueOf(rs.getString("kind")),
                                rs.getString("member_name"),
                                rs.getString("member_kind") == null
                                        ? null
                                        : MemberKind.valueOf(rs.getString("member_kind")),
                                Sql.uuid(rs, "member_id"),
                                rs.getString("scope"),
                                rs.getString("mandate"),
                                Sql.uuid(rs, "created_id")),
                        coalition,
                        proposalId);
    }

    /** Carries out an adopted proposal's consequence, inside the closing transaction; the Dutch line for the explanation. */
    String carryOut(CoalitionAccess access, Proposal p, LocalDate day) {
        UUID coalition = access.id().value();
        Consequence c = of(coalition, p.id())
                .orElseThrow(
                        () -> new IllegalStateException("an open " + p.decisionType() + " without its consequence"));
        UUID created;
        String line;
        if (c.kind() == DecisionType.ADMISSION) {
            created = memberService
                    .create(
                            access,
                            new MemberRequest(
                                    c.memberName(), c.memberKind(), null, null, day, null, null, null, null, null))
                    .id();
            line = c.memberName() + " is met ingang van " + day + " ingeschreven als lid.";
        } else {
            created = penvoerders
                    .appoint(access, new AppointPenvoerderRequest(c.scope(), c.memberId(), day, null, c.mandate()))
                    .id();
            String name = members.findByCoalitionIdAndId(coalition, c.memberId())
                    .map(m -> m.name())
                    .orElse("?");
            line = name + " is met ingang van " + day + " penvoerder voor " + c.scope() + ".";
        }
        Sql.on(transactions.getConnection())
                .update(
                        "UPDATE proposal_consequence SET created_id = ? WHERE coalition_id = ? AND proposal_id = ?",
                        created,
                        coalition,
                        p.id());
        return line;
    }
}
