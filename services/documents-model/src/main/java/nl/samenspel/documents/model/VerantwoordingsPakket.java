package nl.samenspel.documents.model;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The verantwoordingspakket of one coalition's subsidy year: everything an accountant needs to judge
 * the year, as governance knows it. It holds no time of its own making: the same data gives the same
 * document (only the seal's time differs). Amounts in euro cents; fte and indicator values as decimals.
 */
@Serdeable
public record VerantwoordingsPakket(
        String coalitionName,
        String legalForm,
        Subsidy subsidy,
        /** The moment the data was taken: the latest change in it, not the moment of rendering. */
        Instant dataAsOf,
        List<Member> members,
        List<Statute> statutes,
        List<Penvoerder> penvoerders,
        List<Body> bodies,
        List<Decision> decisions,
        List<BudgetRow> budget,
        List<FteRow> fte,
        List<IndicatorRow> indicators,
        List<MilestoneRow> milestones,
        List<RiskRow> risks,
        List<SignedDocument> signedDocuments,
        AuditHead auditHead)
        implements DocumentModel {

    public static final String KIND = "verantwoordingspakket";

    public static final String TITLE_PREFIX = "Verantwoordingspakket ";

    public VerantwoordingsPakket {
        members = copy(members);
        statutes = copy(statutes);
        penvoerders = copy(penvoerders);
        bodies = copy(bodies);
        decisions = copy(decisions);
        budget = copy(budget);
        fte = copy(fte);
        indicators = copy(indicators);
        milestones = copy(milestones);
        risks = copy(risks);
        signedDocuments = copy(signedDocuments);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    @Override
    public String pdfTitle() {
        return TITLE_PREFIX + subsidy.year() + " – " + coalitionName;
    }

    @Serdeable
    public record Subsidy(
            int year,
            String title,
            String grantor,
            @Nullable String reference,
            long amountCents,
            LocalDate periodFrom,
            LocalDate periodUntil,
            LocalDate verantwoordingDue,
            long accountantThresholdCents,
            boolean accountantStatementRequired,
            BigDecimal varianceThresholdPct,
            @Nullable String penvoerder,
            String conditions) {}

    /** A member at the end of the year (or when it left during it). */
    @Serdeable
    public record Member(
            String name,
            String kind,
            @Nullable String kvkNumber,
            LocalDate joinedOn,
            @Nullable LocalDate leftOn,
            int votingWeight) {}

    @Serdeable
    public record Statute(int number, String title, String status, @Nullable LocalDate effectiveFrom) {}

    @Serdeable
    public record Penvoerder(String scope, String member, LocalDate from, @Nullable LocalDate until) {}

    @Serdeable
    public record Body(String name, List<Meeting> meetings) {
        public Body {
            meetings = copy(meetings);
        }
    }

    /** A meeting held in the year, with who attended (present, or represented by proxy). */
    @Serdeable
    public record Meeting(String title, Instant startsAt, String status, List<String> attendance) {
        public Meeting {
            attendance = copy(attendance);
        }
    }

    @Serdeable
    public record Decision(
            String number,
            String title,
            String body,
            Instant closedAt,
            String outcome,
            long votesFor,
            long votesAgainst,
            long abstentions,
            @Nullable String declaration,
            List<String> validity) {
        public Decision {
            validity = copy(validity);
        }
    }

    @Serdeable
    public record BudgetRow(
            String member,
            String category,
            long budgetCents,
            @Nullable Long realisedCents,
            @Nullable Long varianceCents,
            @Nullable BigDecimal variancePct,
            @Nullable String explanation) {}

    @Serdeable
    public record FteRow(String member, String function, BigDecimal planned, @Nullable BigDecimal realised) {}

    @Serdeable
    public record IndicatorRow(
            String member,
            String group,
            String name,
            String unit,
            BigDecimal target,
            @Nullable BigDecimal q1,
            @Nullable BigDecimal q2,
            @Nullable BigDecimal q3,
            @Nullable BigDecimal q4,
            String pdcaNote) {}

    @Serdeable
    public record MilestoneRow(
            String member, String title, LocalDate dueOn, String status, @Nullable LocalDate doneOn, String note) {}

    @Serdeable
    public record RiskRow(String member, String risk, String cause, String mitigation, String owner, String status) {}

    /** A document the members signed in the year, with the hash of its sealed final. */
    @Serdeable
    public record SignedDocument(String title, Instant completedAt, String sha256, List<String> signers) {
        public SignedDocument {
            signers = copy(signers);
        }
    }

    /** The newest link of the coalition's audit chain when the data was taken. */
    @Serdeable
    public record AuditHead(long seq, String hash) {}
}
