package nl.samenspel.governance.pack;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.documents.model.JaarVerklaring;
import nl.samenspel.governance.accountability.AccountabilityService;
import nl.samenspel.governance.accountability.Figures;
import nl.samenspel.governance.accountability.Subsidy;
import nl.samenspel.governance.document.Document;
import nl.samenspel.governance.document.DocumentService;
import nl.samenspel.governance.documents.DocumentsClient;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.signing.SignatureRequest;
import nl.samenspel.governance.signing.SigningRequests;
import nl.samenspel.governance.signing.SigningService;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Statements of a subsidy year, signed through the signing workflow: the secretary has each member with
 * figures sign its own statement (its budget lines and fte, as entered); once every one of them is signed
 * and sealed, the penvoerder signs the consolidated statement over all members' totals. All of a round
 * is made in one transaction: a member that cannot sign refuses the round and leaves nothing behind.
 */
@Singleton
public class StatementService {

    /** One statement and where its signing stands. */
    @Serdeable
    public record Statement(
            UUID id,
            String member,
            boolean consolidated,
            UUID documentId,
            UUID requestId,
            SignatureRequest.Status status) {}

    private final AccountabilityService accountability;
    private final DocumentsClient documents;
    private final DocumentService store;
    private final SigningService signing;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    StatementService(
            AccountabilityService accountability,
            DocumentsClient documents,
            DocumentService store,
            SigningService signing,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.accountability = accountability;
        this.documents = documents;
        this.store = store;
        this.signing = signing;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Statement> list(CoalitionAccess access, UUID subsidyId) {
        accountability.get(access, subsidyId);
        return tx.read(access.id(), () -> Sql.on(tx.connection())
                .list(
                        """
                        SELECT j.id, j.member_id, m.name, j.document_id, j.request_id, r.status
                          FROM jaarverklaring j
                          JOIN signature_request r ON r.coalition_id = j.coalition_id AND r.id = j.request_id
                          LEFT JOIN member m ON m.coalition_id = j.coalition_id AND m.id = j.member_id
                         WHERE j.coalition_id = ? AND j.subsidy_id = ?
                         ORDER BY j.member_id IS NULL, lower(m.name), j.id""",
                        rs -> new Statement(
                                Sql.uuid(rs, "id"),
                                rs.getString("name") == null ? "geconsolideerd" : rs.getString("name"),
                                rs.getString("member_id") == null,
                                Sql.uuid(rs, "document_id"),
                                Sql.uuid(rs, "request_id"),
                                SignatureRequest.Status.valueOf(rs.getString("status"))),
                        access.id().value(),
                        subsidyId));
    }

    /** Each member with figures gets its statement to sign; 409 when they were sent already. */
    public List<Statement> sendToMembers(CoalitionAccess access, UUID subsidyId) {
        access.require(CoalitionRole.SECRETARY);
        Subsidy subsidy = accountability.get(access, subsidyId);
        Figures figures = accountability.figures(access, subsidyId, null);
        Map<UUID, String> members = new LinkedHashMap<>();
        figures.budgetLines().forEach(b -> members.putIfAbsent(b.memberId(), b.memberName()));
        figures.fteLines().forEach(f -> members.putIfAbsent(f.memberId(), f.memberName()));
        if (members.isEmpty()) {
            throw ProblemException.conflict(
                    "statement.no-figures", "No member has entered figures for this subsidy yet.");
        }
        return tx.write(access.id(), () -> {
            if (!list(access, subsidyId).isEmpty()) {
                throw ProblemException.conflict(
                        "statement.sent", "The members' statements for this subsidy have been sent already.");
            }
            for (Map.Entry<UUID, String> member : members.entrySet()) {
                JaarVerklaring statement = new JaarVerklaring(
                        access.coalition().name(),
                        subsidy.year(),
                        subsidy.title(),
                        subsidy.grantor(),
                        member.getValue(),
                        subsidy.penvoerderName(),
                        figures.budgetLines().stream()
                                .filter(b -> b.memberId().equals(member.getKey()))
                                .map(b -> new JaarVerklaring.Line(b.category(), b.budgetCents(), b.realisedCents()))
                                .toList(),
                        figures.fteLines().stream()
                                .filter(f -> f.memberId().equals(member.getKey()))
                                .map(f -> new JaarVerklaring.Fte(f.function(), f.planned(), f.realised()))
                                .toList(),
                        member.getValue() + " verklaart dat de cijfers hierboven over " + subsidy.year() + " voor "
                                + subsidy.title() + " juist en volledig zijn en in overeenstemming met de"
                                + " subsidievoorwaarden zijn besteed.");
                keep(access, subsidy, member.getKey(), statement, List.of(member.getKey()));
            }
            return list(access, subsidyId);
        });
    }

    /** The consolidated statement for the penvoerder, once every member's statement is signed and sealed. */
    public List<Statement> sendConsolidated(CoalitionAccess access, UUID subsidyId) {
        access.require(CoalitionRole.SECRETARY);
        Subsidy subsidy = accountability.get(access, subsidyId);
        if (subsidy.penvoerderMemberId() == null) {
            throw ProblemException.conflict(
                    "statement.no-penvoerder",
                    "This subsidy's scope has no penvoerder today to sign the consolidated statement.");
        }
        Figures figures = accountability.figures(access, subsidyId, null);
        return tx.write(access.id(), () -> {
            List<Statement> current = list(access, subsidyId);
            if (current.stream().anyMatch(Statement::consolidated)) {
                throw ProblemException.conflict("statement.sent", "The consolidated statement has been sent already.");
            }
            if (current.isEmpty() || current.stream().anyMatch(s -> s.status() != SignatureRequest.Status.COMPLETED)) {
                throw ProblemException.conflict(
                        "statement.members-pending", "Every member's statement must be signed and sealed first.");
            }
            List<JaarVerklaring.Line> lines = new ArrayList<>();
            List<JaarVerklaring.Fte> fte = new ArrayList<>();
            for (Figures.MemberTotals t : figures.totals()) {
                if (t.memberId() != null) {
                    lines.add(new JaarVerklaring.Line(t.memberName(), t.budgetCents(), t.realisedCents()));
                    fte.add(new JaarVerklaring.Fte(t.memberName(), t.ftePlanned(), t.fteRealised()));
                }
            }
            JaarVerklaring statement = new JaarVerklaring(
                    access.coalition().name(),
                    subsidy.year(),
                    subsidy.title(),
                    subsidy.grantor(),
                    null,
                    subsidy.penvoerderName(),
                    lines,
                    fte,
                    subsidy.penvoerderName() + " verklaart als penvoerder dat deze cijfers de door alle leden"
                            + " ondertekende verklaringen over " + subsidy.year() + " samenvatten.");
            keep(access, subsidy, null, statement, List.of(subsidy.penvoerderMemberId()));
            return list(access, subsidyId);
        });
    }

    private void keep(CoalitionAccess access, Subsidy subsidy, UUID member, JaarVerklaring model, List<UUID> signers) {
        Document document = store.generated(access, model.pdfTitle(), documents.renderUnsealed(model));
        SignatureRequest request = signing.create(
                access,
                new SigningRequests.Create(
                        document.id(),
                        null,
                        "Ondertekening van de verklaring over " + subsidy.year() + " voor de verantwoording aan "
                                + subsidy.grantor() + ".",
                        SignatureRequest.Order.PARALLEL,
                        deadline(subsidy),
                        signers));
        UUID id = UUID.randomUUID();
        Sql.on(tx.connection())
                .update(
                        """
                        INSERT INTO jaarverklaring (coalition_id, id, subsidy_id, member_id, document_id, request_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                        access.id().value(),
                        id,
                        subsidy.id(),
                        member,
                        document.id(),
                        request.id(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("subsidyId", subsidy.id().toString());
        state.put("member", model.member() == null ? "geconsolideerd" : model.member());
        state.put("requestId", request.id().toString());
        audit.append(access.id(), access.actor(), "statement.sent", "jaarverklaring", id, null, state);
    }

    /** The end of the verantwoording's due day, or two weeks from now when that day has passed or is too near. */
    private OffsetDateTime deadline(Subsidy subsidy) {
        Instant now = clock.instant();
        Instant due = subsidy.verantwoordingDue()
                .plusDays(1)
                .atStartOfDay(MeetingTime.ZONE)
                .toInstant();
        Instant latest = now.plus(Duration.ofDays(365));
        Instant chosen = due.isAfter(now.plus(Duration.ofDays(2)))
                ? (due.isAfter(latest) ? latest : due)
                : now.plus(Duration.ofDays(14));
        return chosen.atZone(MeetingTime.ZONE).toOffsetDateTime();
    }
}
