package nl.samenspel.governance.proposal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.meeting.Attendance;
import nl.samenspel.governance.meeting.MeetingContext;
import nl.samenspel.governance.meeting.MeetingRepository;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.statute.StatuteRepository;
import nl.samenspel.governance.statute.rules.Quorum;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.voting.Choice;
import nl.samenspel.governance.voting.Proxy;
import nl.samenspel.governance.voting.Voter;
import nl.samenspel.governance.voting.VotingCase;
import nl.samenspel.governance.voting.VotingEngine;
import nl.samenspel.governance.voting.VotingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a proposal: the voting engine decides from the statute rules in force on the day, the
 * members entitled to vote, the votes that count, the proxies and the declared conflicts; the proposal
 * keeps that validity record for good. Adopting a statute amendment adopts the draft version it names.
 * A closed proposal refuses every later vote (the database trigger waits for this close to commit).
 */
@Singleton
public class ProposalClosing {

    private static final Logger LOG = LoggerFactory.getLogger(ProposalClosing.class);
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ProposalRepository proposals;
    private final MeetingRepository meetings;
    private final MeetingContext context;
    private final MemberRepository members;
    private final StatuteRepository statutes;
    private final CoalitionRepository coalitions;
    private final ProposalNotifier notifier;
    private final ProposalConsequences consequences;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    ProposalClosing(
            ProposalRepository proposals,
            MeetingRepository meetings,
            MeetingContext context,
            MemberRepository members,
            StatuteRepository statutes,
            CoalitionRepository coalitions,
            ProposalNotifier notifier,
            ProposalConsequences consequences,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.proposals = proposals;
        this.meetings = meetings;
        this.context = context;
        this.members = members;
        this.statutes = statutes;
        this.coalitions = coalitions;
        this.notifier = notifier;
        this.consequences = consequences;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** The secretary closes voting (in a meeting, when the chair closes the vote). */
    public VotingResult close(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        return tx.write(access.id(), () -> closeLocked(access, id, access.actor()));
    }

    /** Closes every open proposal whose window has passed, in every coalition; run by the job. */
    public int closeDue() {
        int closed = 0;
        for (Coalition coalition : coalitions.findAll()) {
            CoalitionAccess system = new CoalitionAccess(
                    coalition,
                    new CurrentAccount(new UUID(0, 0), "system", "Samenspel", false),
                    Set.of(CoalitionRole.SECRETARY));
            try {
                closed += tx.write(coalition.coalitionId(), () -> {
                    List<UUID> due = Sql.on(tx.connection())
                            .list(
                                    """
                                    SELECT id FROM proposal WHERE coalition_id = ? AND status = 'OPEN' AND closes_at <= ?
                                     FOR UPDATE SKIP LOCKED""",
                                    rs -> Sql.uuid(rs, "id"),
                                    coalition.id(),
                                    clock.instant());
                    for (UUID id : due) {
                        closeLocked(system, id, "system:voting-window");
                    }
                    return due.size();
                });
            } catch (RuntimeException e) {
                LOG.warn("closing due proposals of {} failed; the next round tries again", coalition.slug(), e);
            }
        }
        return closed;
    }

    private VotingResult closeLocked(CoalitionAccess access, UUID id, String actor) {
        UUID coalition = access.id().value();
        Proposal p = proposals.lock(coalition, id).orElseThrow(ProposalService::notFound);
        if (p.status() != Proposal.Status.OPEN) {
            throw ProblemException.conflict(
                    p.status() == Proposal.Status.DRAFT ? "proposal.not-open" : "proposal.closed",
                    p.status() == Proposal.Status.DRAFT
                            ? "Voting on this proposal has not begun."
                            : "This proposal has already been closed.");
        }
        Instant now = clock.instant();
        LocalDate day = MeetingTime.day(now);
        MeetingContext.RulesInForce rules = context.rules(access, day);
        List<Member> eligible = context.voters(coalition, p.bodyId(), day);
        Map<UUID, String> names = new HashMap<>();
        eligible.forEach(m -> names.put(m.id(), m.name()));
        VotingCase c = p.mode() == Proposal.Mode.MEETING
                ? VotingCase.meeting(rules.rules(), p.decisionType(), voters(eligible))
                : VotingCase.inWriting(rules.rules(), p.decisionType(), voters(eligible));
        if (p.mode() == Proposal.Mode.MEETING) {
            List<String> present = meetings.attendance(coalition, p.meetingId()).stream()
                    .filter(a -> a.status() == Quorum.Attendance.PRESENT && names.containsKey(a.memberId()))
                    .map(Attendance::memberId)
                    .map(names::get)
                    .toList();
            c = c.withPresent(present.toArray(String[]::new));
        }
        for (Vote v : proposals.currentVotes(coalition, id)) {
            if (names.containsKey(v.memberId())) {
                c = c.withBallot(
                        names.get(v.memberId()), Choice.valueOf(v.choice().name()));
            }
        }
        for (ProposalRepository.Proxy x : proposals.proxies(coalition, id)) {
            if (names.containsKey(x.grantorId()) && names.containsKey(x.holderId())) {
                c = c.withProxy(new Proxy(
                        names.get(x.grantorId()),
                        names.get(x.holderId()),
                        x.instruction() == null
                                ? null
                                : Choice.valueOf(x.instruction().name())));
            }
        }
        if (p.mode() == Proposal.Mode.MEETING) {
            // A member represented at the meeting is represented for its votes too, unless it gave a
            // proxy for this proposal itself (listed first, so the engine keeps that one).
            for (Attendance a : meetings.attendance(coalition, p.meetingId())) {
                if (a.status() == Quorum.Attendance.REPRESENTED
                        && a.proxyHolderId() != null
                        && names.containsKey(a.memberId())
                        && names.containsKey(a.proxyHolderId())) {
                    c = c.withProxy(new Proxy(names.get(a.memberId()), names.get(a.proxyHolderId()), null));
                }
            }
        }
        List<String> recused = proposals.recusals(coalition, id).stream()
                .map(ProposalRepository.Recusal::memberId)
                .filter(names::containsKey)
                .map(names::get)
                .toList();
        c = c.withRecused(recused.toArray(String[]::new));
        VotingResult result = VotingEngine.decide(c);
        List<String> explanation = new ArrayList<>(result.explanation());
        Proposal.Outcome outcome = Proposal.Outcome.valueOf(result.outcome().name());
        if (outcome == Proposal.Outcome.ADOPTED && p.statuteVersionId() != null) {
            if (statutes.adopt(
                            coalition,
                            p.statuteVersionId(),
                            statutes.find(coalition, p.statuteVersionId())
                                    .orElseThrow()
                                    .version(),
                            day,
                            now)
                    != 1) {
                throw ProblemException.conflict(
                        "proposal.version-changed",
                        "The statute draft changed or was adopted meanwhile; it is not adopted twice.");
            }
            explanation.add("Het voorstel is aangenomen: de statutenversie is vastgesteld met ingang van " + day + ".");
            audit.append(
                    access.id(),
                    actor,
                    "statute.adopted",
                    "statute_version",
                    p.statuteVersionId(),
                    Map.of("status", "DRAFT"),
                    Map.of("status", "ADOPTED", "effectiveFrom", day.toString(), "proposalId", id.toString()));
        }
        if (outcome == Proposal.Outcome.ADOPTED && ProposalConsequences.needed(p.decisionType())) {
            explanation.add(consequences.carryOut(access, p, day));
        }
        Map<String, Object> record = record(rules, result, explanation);
        record.put("declaration", declaration(access, p, day, outcome, actor));
        if (proposals.close(coalition, id, now, outcome, json(record)) != 1) {
            throw ProblemException.conflict("proposal.closed", "This proposal has already been closed.");
        }
        Proposal closed = proposals.find(coalition, id).orElseThrow();
        notifier.closed(access.coalition(), closed, dutch(outcome), explanation);
        audit.append(access.id(), actor, "proposal.closed", "proposal", id, p.auditState(), closed.auditState());
        return new VotingResult(
                result.outcome(),
                result.tally(),
                result.votes(),
                result.quorum(),
                result.proxiesUsed(),
                result.recused(),
                List.copyOf(explanation));
    }

    /**
     * The declaration of the outcome that the record keeps: in a meeting the chair's (for a coöperatie
     * decisive under BW 2:13 lid 1, which 2:53a applies to it), outside one the secretary's or, when the
     * window ran out, the product's.
     */
    private Map<String, Object> declaration(
            CoalitionAccess access, Proposal p, LocalDate day, Proposal.Outcome outcome, String actor) {
        UUID coalition = access.id().value();
        String result = dutch(outcome);
        Map<String, Object> declaration = new LinkedHashMap<>();
        if (p.mode() == Proposal.Mode.MEETING) {
            String chair = context.chair(coalition, p.bodyId(), day)
                    .map(seat -> seat.personName()
                            + (seat.memberId() == null
                                    ? ""
                                    : members.findByCoalitionIdAndId(coalition, seat.memberId())
                                            .map(m -> " (" + m.name() + ")")
                                            .orElse("")))
                    .orElse(null);
            boolean cooperatie = access.coalition().legalForm() == LegalForm.COOPERATIE_UA;
            declaration.put("by", chair == null ? "de voorzitter van de vergadering" : chair);
            declaration.put("role", "CHAIR");
            declaration.put(
                    "text",
                    (chair == null ? "De voorzitter van de vergadering" : "De voorzitter, " + chair + ",")
                            + " stelt ter vergadering vast dat het voorstel is " + result + "."
                            + (cooperatie ? " Dit oordeel is beslissend (artikel 2:13 lid 1 BW)." : ""));
        } else if (actor.startsWith("system:")) {
            declaration.put("by", "Samenspel");
            declaration.put("role", "WINDOW");
            declaration.put(
                    "text",
                    "Bij het einde van de stemtermijn is vastgesteld dat het voorstel buiten vergadering is " + result
                            + ".");
        } else {
            String secretary = access.account().displayName();
            declaration.put("by", secretary);
            declaration.put("role", "SECRETARY");
            declaration.put(
                    "text",
                    "De secretaris, " + secretary + ", stelt vast dat het voorstel buiten vergadering is " + result
                            + ".");
        }
        return declaration;
    }

    private static List<Voter> voters(List<Member> eligible) {
        return eligible.stream().map(m -> new Voter(m.name(), m.votingWeight())).toList();
    }

    /** What the register shows and keeps: everything needed to see the decision was valid. */
    private static Map<String, Object> record(
            MeetingContext.RulesInForce rules, VotingResult result, List<String> explanation) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("rulesSource", rules.source());
        record.put("statuteVersion", rules.statuteNumber());
        record.put("outcome", result.outcome().name());
        Map<String, Object> tally = new LinkedHashMap<>();
        tally.put("for", result.tally().forCount());
        tally.put("against", result.tally().againstCount());
        tally.put("abstain", result.tally().abstainCount());
        tally.put("forWeight", result.tally().forWeight());
        tally.put("againstWeight", result.tally().againstWeight());
        tally.put("abstainWeight", result.tally().abstainWeight());
        tally.put("votesCast", result.tally().votesCast());
        tally.put("base", result.tally().base());
        record.put("tally", tally);
        result.quorum().ifPresent(q -> {
            Map<String, Object> quorum = new LinkedHashMap<>();
            quorum.put("met", q.met());
            quorum.put("present", q.present());
            quorum.put("base", q.base());
            quorum.put("required", q.required());
            record.put("quorum", quorum);
        });
        record.put(
                "votes",
                result.votes().entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().name(), (a, b) -> a, LinkedHashMap::new)));
        record.put(
                "proxies",
                result.proxiesUsed().stream()
                        .map(x -> Map.of(
                                "grantor", x.grantor(),
                                "holder", x.holder(),
                                "instruction",
                                        x.instruction() == null
                                                ? "FREE"
                                                : x.instruction().name()))
                        .toList());
        record.put("recused", result.recused());
        record.put("explanation", explanation);
        return record;
    }

    private static String json(Map<String, Object> record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String dutch(Proposal.Outcome outcome) {
        return switch (outcome) {
            case ADOPTED -> "aangenomen";
            case REJECTED -> "verworpen";
            case INVALID -> "niet rechtsgeldig besloten";
        };
    }
}
