package nl.samenspel.governance.pack;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.documents.model.VerantwoordingsPakket;
import nl.samenspel.governance.accountability.AccountabilityService;
import nl.samenspel.governance.accountability.Figures;
import nl.samenspel.governance.accountability.Subsidy;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.penvoerder.PenvoerderschapService;
import nl.samenspel.governance.proposal.DecisionRegister;
import nl.samenspel.governance.statute.StatuteService;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Gathers what goes into a subsidy year's pack, inside the caller's coalition-bound read transaction:
 * the register at year end, statutes, penvoerders, meetings held with attendance, decisions closed in the
 * year, every member's figures, documents signed in the year and the audit chain's newest link before
 * any pack was asked for. Nothing in it is the time of gathering, so unchanged data gives the same pack.
 */
@Singleton
class PackAssembler {

    /** Actions that do not change what a pack reports (the packs themselves, their downloads). */
    static final String PACK_ACTIONS = "pack.%";

    private final AccountabilityService accountability;
    private final MemberRepository members;
    private final StatuteService statutes;
    private final PenvoerderschapService penvoerders;
    private final DecisionRegister decisions;
    private final TenantTransactions tx;

    PackAssembler(
            AccountabilityService accountability,
            MemberRepository members,
            StatuteService statutes,
            PenvoerderschapService penvoerders,
            DecisionRegister decisions,
            TenantTransactions tx) {
        this.accountability = accountability;
        this.members = members;
        this.statutes = statutes;
        this.penvoerders = penvoerders;
        this.decisions = decisions;
        this.tx = tx;
    }

    /** Inside a read transaction of the coalition. */
    VerantwoordingsPakket assemble(Coalition coalition, UUID subsidyId) {
        // The product reads as the coalition's administration would: every member's figures.
        CoalitionAccess system = new CoalitionAccess(
                coalition,
                new CurrentAccount(new UUID(0, 0), "samenspel", "Samenspel", false),
                EnumSet.of(CoalitionRole.SECRETARY));
        Subsidy s = accountability.get(system, subsidyId);
        Figures f = accountability.figures(system, subsidyId, null);
        LocalDate from = s.periodFrom();
        LocalDate until = s.periodUntil();
        Instant start = from.atStartOfDay(MeetingTime.ZONE).toInstant();
        Instant end = until.plusDays(1).atStartOfDay(MeetingTime.ZONE).toInstant();
        Sql sql = Sql.on(tx.connection());

        List<VerantwoordingsPakket.Member> register = new ArrayList<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Member m : members.findByCoalitionIdOrderByName(coalition.id())) {
            names.put(m.id(), m.name());
            boolean during = !m.joinedOn().isAfter(until)
                    && (m.leftOn() == null || m.leftOn().isAfter(from));
            if (during) {
                register.add(new VerantwoordingsPakket.Member(
                        m.name(), m.kind().name(), m.kvkNumber(), m.joinedOn(), m.leftOn(), m.votingWeight()));
            }
        }
        List<VerantwoordingsPakket.Statute> statuteVersions = statutes.list(system).stream()
                .filter(v -> v.effectiveFrom() == null || !v.effectiveFrom().isAfter(until))
                .map(v -> new VerantwoordingsPakket.Statute(
                        v.number(), v.title(), v.status().name(), v.effectiveFrom()))
                .toList();
        List<VerantwoordingsPakket.Penvoerder> penvoerderschap = penvoerders.list(system).stream()
                .filter(p -> !p.validFrom().isAfter(until)
                        && (p.validUntil() == null || p.validUntil().isAfter(from)))
                .map(p ->
                        new VerantwoordingsPakket.Penvoerder(p.scope(), p.memberName(), p.validFrom(), p.validUntil()))
                .toList();
        List<VerantwoordingsPakket.Body> bodies = bodies(sql, coalition.id(), start, end, names);
        List<VerantwoordingsPakket.Decision> decided = decisions.entries(system, null, null).stream()
                .filter(d -> !d.closedAt().isBefore(start) && d.closedAt().isBefore(end))
                .sorted(java.util.Comparator.comparing(DecisionRegister.Entry::number))
                .map(d -> new VerantwoordingsPakket.Decision(
                        String.valueOf(d.number()),
                        d.title(),
                        d.bodyName(),
                        d.closedAt(),
                        switch (d.outcome()) {
                            case ADOPTED -> "aangenomen";
                            case REJECTED -> "verworpen";
                            case INVALID -> "niet rechtsgeldig besloten";
                        },
                        d.votesFor(),
                        d.votesAgainst(),
                        d.abstentions(),
                        d.declaration(),
                        d.explanation()))
                .toList();
        List<VerantwoordingsPakket.SignedDocument> signed = signed(sql, coalition.id(), subsidyId, start, end);
        Object[] head = sql.one(
                        "SELECT seq, hash, occurred_at FROM audit_event WHERE coalition_id = ? AND action NOT LIKE ?"
                                + " ORDER BY seq DESC LIMIT 1",
                        rs -> new Object[] {rs.getLong("seq"), rs.getString("hash"), Sql.instant(rs, "occurred_at")},
                        coalition.id(),
                        PACK_ACTIONS)
                .orElseThrow();
        return new VerantwoordingsPakket(
                coalition.name(),
                coalition.legalForm() == LegalForm.COOPERATIE_UA ? "coöperatie U.A." : "samenwerkingsverband",
                new VerantwoordingsPakket.Subsidy(
                        s.year(),
                        s.title(),
                        s.grantor(),
                        s.reference(),
                        s.amountCents(),
                        s.periodFrom(),
                        s.periodUntil(),
                        s.verantwoordingDue(),
                        s.accountantThresholdCents(),
                        s.accountantStatementRequired(),
                        s.varianceThresholdPct(),
                        s.penvoerderName(),
                        s.conditions()),
                (Instant) head[2],
                register,
                statuteVersions,
                penvoerderschap,
                bodies,
                decided,
                f.budgetLines().stream()
                        .map(b -> new VerantwoordingsPakket.BudgetRow(
                                b.memberName(),
                                b.category(),
                                b.budgetCents(),
                                b.realisedCents(),
                                b.varianceCents(),
                                b.variancePct(),
                                b.explanation()))
                        .toList(),
                f.fteLines().stream()
                        .map(l -> new VerantwoordingsPakket.FteRow(
                                l.memberName(), l.function(), l.planned(), l.realised()))
                        .toList(),
                f.indicators().stream()
                        .map(i -> new VerantwoordingsPakket.IndicatorRow(
                                i.memberName(),
                                i.group(),
                                i.name(),
                                i.unit(),
                                i.target(),
                                i.q1(),
                                i.q2(),
                                i.q3(),
                                i.q4(),
                                i.pdcaNote()))
                        .toList(),
                f.milestones().stream()
                        .map(m -> new VerantwoordingsPakket.MilestoneRow(
                                m.memberName(), m.title(), m.dueOn(), m.status().name(), m.doneOn(), m.note()))
                        .toList(),
                f.risks().stream()
                        .map(r -> new VerantwoordingsPakket.RiskRow(
                                r.memberName(),
                                r.risk(),
                                r.cause(),
                                r.mitigation(),
                                r.owner(),
                                r.status().name()))
                        .toList(),
                signed,
                new VerantwoordingsPakket.AuditHead((Long) head[0], (String) head[1]));
    }

    private static List<VerantwoordingsPakket.Body> bodies(
            Sql sql, UUID coalition, Instant start, Instant end, Map<UUID, String> names) {
        record Held(UUID body, String bodyName, UUID id, String title, Instant startsAt, String status) {}
        List<Held> held = sql.list(
                """
                SELECT b.id AS body_id, b.name AS body_name, m.id, m.title, m.starts_at, m.status
                  FROM meeting m JOIN body b ON b.coalition_id = m.coalition_id AND b.id = m.body_id
                 WHERE m.coalition_id = ? AND m.starts_at >= ? AND m.starts_at < ?
                 ORDER BY b.position, b.name, m.starts_at, m.id""",
                rs -> new Held(
                        Sql.uuid(rs, "body_id"),
                        rs.getString("body_name"),
                        Sql.uuid(rs, "id"),
                        rs.getString("title"),
                        Sql.instant(rs, "starts_at"),
                        rs.getString("status")),
                coalition,
                start,
                end);
        Map<UUID, List<VerantwoordingsPakket.Meeting>> byBody = new LinkedHashMap<>();
        Map<UUID, String> bodyNames = new LinkedHashMap<>();
        for (Held h : held) {
            List<String> attendance = sql.list(
                    "SELECT member_id, status, proxy_holder_id FROM meeting_attendance WHERE coalition_id = ? AND meeting_id = ?"
                            + " ORDER BY member_id",
                    rs -> {
                        String who = names.getOrDefault(Sql.uuid(rs, "member_id"), "?");
                        return switch (rs.getString("status")) {
                            case "PRESENT" -> who + ": aanwezig";
                            case "ABSENT" -> who + ": afwezig";
                            default -> who + ": vertegenwoordigd door "
                                    + names.getOrDefault(Sql.uuid(rs, "proxy_holder_id"), "?");
                        };
                    },
                    coalition,
                    h.id());
            bodyNames.putIfAbsent(h.body(), h.bodyName());
            byBody.computeIfAbsent(h.body(), b -> new ArrayList<>())
                    .add(new VerantwoordingsPakket.Meeting(
                            h.title(),
                            h.startsAt(),
                            switch (h.status()) {
                                case "CANCELLED" -> "geannuleerd";
                                case "CONVENED" -> "bijeengeroepen";
                                default -> "gepland";
                            },
                            attendance.stream().sorted().toList()));
        }
        return byBody.entrySet().stream()
                .map(e -> new VerantwoordingsPakket.Body(bodyNames.get(e.getKey()), e.getValue()))
                .toList();
    }

    /** Documents signed in the year, and the year's statements whenever they were signed. */
    private static List<VerantwoordingsPakket.SignedDocument> signed(
            Sql sql, UUID coalition, UUID subsidy, Instant start, Instant end) {
        record Done(UUID id, String title, Instant at, String sha256) {}
        List<Done> done = sql.list(
                """
                SELECT r.id, r.title, r.ended_at, d.sha256 FROM signature_request r
                  JOIN signed_document d ON d.coalition_id = r.coalition_id AND d.request_id = r.id
                 WHERE r.coalition_id = ? AND r.status = 'COMPLETED'
                   AND ((r.ended_at >= ? AND r.ended_at < ?)
                        OR r.id IN (SELECT request_id FROM jaarverklaring WHERE coalition_id = r.coalition_id AND subsidy_id = ?))
                 ORDER BY r.ended_at, r.id""",
                rs -> new Done(
                        Sql.uuid(rs, "id"), rs.getString("title"), Sql.instant(rs, "ended_at"), rs.getString("sha256")),
                coalition,
                start,
                end,
                subsidy);
        List<VerantwoordingsPakket.SignedDocument> result = new ArrayList<>();
        for (Done d : done) {
            List<String> signers = sql.list(
                    "SELECT s.signer_name, m.name FROM signatory s JOIN member m ON m.coalition_id = s.coalition_id"
                            + " AND m.id = s.member_id WHERE s.coalition_id = ? AND s.request_id = ? ORDER BY s.position",
                    rs -> rs.getString("signer_name") + " (" + rs.getString("name") + ")",
                    coalition,
                    d.id());
            result.add(new VerantwoordingsPakket.SignedDocument(d.title(), d.at(), d.sha256(), signers));
        }
        return result;
    }
}
