package nl.samenspel.governance.accountability;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.core.db.Sql;

/** Plain SQL on subsidies and the figures against them, in the caller's coalition-bound transaction. */
@Singleton
class AccountabilityRepository {

    /** The subsidy row without what is worked out from other tables. */
    record SubsidyRow(
            UUID id,
            int year,
            String title,
            String scope,
            String grantor,
            String reference,
            long amountCents,
            LocalDate periodFrom,
            LocalDate periodUntil,
            String conditions,
            LocalDate verantwoordingDue,
            long accountantThresholdCents,
            java.math.BigDecimal varianceThresholdPct,
            Instant createdAt,
            String createdBy,
            int version) {}

    private final TransactionOperations<Connection> transactions;

    AccountabilityRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    private Sql sql() {
        return Sql.on(transactions.getConnection());
    }

    void insertSubsidy(UUID coalition, UUID id, Subsidy.Request r, Instant at, String by) {
        sql().update(
                        """
                INSERT INTO subsidy (coalition_id, id, year, title, scope, grantor, reference, amount_cents, period_from,
                                     period_until, conditions, verantwoording_due, accountant_threshold_cents,
                                     variance_threshold_pct, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalition,
                        id,
                        r.year(),
                        r.title().strip(),
                        r.scope().strip(),
                        r.grantor().strip(),
                        blankToNull(r.reference()),
                        r.amountCents(),
                        r.periodFrom(),
                        r.periodUntil(),
                        r.conditions() == null ? "" : r.conditions().strip(),
                        r.verantwoordingDue(),
                        r.accountantThresholdCents(),
                        r.varianceThresholdPct(),
                        at,
                        by);
    }

    int updateSubsidy(UUID coalition, UUID id, Subsidy.Request r) {
        return sql().update(
                        """
                UPDATE subsidy SET year = ?, title = ?, scope = ?, grantor = ?, reference = ?, amount_cents = ?,
                                   period_from = ?, period_until = ?, conditions = ?, verantwoording_due = ?,
                                   accountant_threshold_cents = ?, variance_threshold_pct = ?, version = version + 1
                 WHERE coalition_id = ? AND id = ? AND version = ?""",
                        r.year(),
                        r.title().strip(),
                        r.scope().strip(),
                        r.grantor().strip(),
                        blankToNull(r.reference()),
                        r.amountCents(),
                        r.periodFrom(),
                        r.periodUntil(),
                        r.conditions() == null ? "" : r.conditions().strip(),
                        r.verantwoordingDue(),
                        r.accountantThresholdCents(),
                        r.varianceThresholdPct(),
                        coalition,
                        id,
                        r.version());
    }

    List<SubsidyRow> subsidies(UUID coalition) {
        return sql().list(
                        "SELECT * FROM subsidy WHERE coalition_id = ? ORDER BY year DESC, lower(title), id",
                        AccountabilityRepository::subsidy,
                        coalition);
    }

    Optional<SubsidyRow> subsidy(UUID coalition, UUID id) {
        return sql().one(
                        "SELECT * FROM subsidy WHERE coalition_id = ? AND id = ?",
                        AccountabilityRepository::subsidy,
                        coalition,
                        id);
    }

    /** The member that holds the scope's penvoerderschap on that day, if any. */
    Optional<UUID[]> penvoerder(UUID coalition, String scope, LocalDate day) {
        return sql().one(
                        """
                SELECT p.member_id, m.name FROM penvoerderschap p JOIN member m ON m.coalition_id = p.coalition_id AND m.id = p.member_id
                 WHERE p.coalition_id = ? AND lower(p.scope) = lower(?) AND p.valid_from <= ?
                   AND (p.valid_until IS NULL OR p.valid_until > ?)""",
                        rs -> new UUID[] {Sql.uuid(rs, "member_id")},
                        coalition,
                        scope,
                        day,
                        day);
    }

    String memberName(UUID coalition, UUID member) {
        return sql().one(
                        "SELECT name FROM member WHERE coalition_id = ? AND id = ?",
                        rs -> rs.getString("name"),
                        coalition,
                        member)
                .orElse("?");
    }

    /** Members that are members at some moment of the period, by name. */
    List<UUID> membersDuring(UUID coalition, LocalDate from, LocalDate until) {
        return sql().list(
                        "SELECT id FROM member WHERE coalition_id = ? AND joined_on <= ? AND (left_on IS NULL OR left_on > ?)"
                                + " ORDER BY lower(name), id",
                        rs -> Sql.uuid(rs, "id"),
                        coalition,
                        until,
                        from);
    }

    /** The member a figure belongs to, if the figure exists under this subsidy. */
    Optional<UUID> memberOf(FigureKind table, UUID coalition, UUID subsidy, UUID id) {
        return sql().one(
                        "SELECT member_id FROM " + table.table
                                + " WHERE coalition_id = ? AND subsidy_id = ? AND id = ?",
                        rs -> Sql.uuid(rs, "member_id"),
                        coalition,
                        subsidy,
                        id);
    }

    int delete(FigureKind table, UUID coalition, UUID subsidy, UUID id) {
        return sql().update(
                        "DELETE FROM " + table.table + " WHERE coalition_id = ? AND subsidy_id = ? AND id = ?",
                        coalition,
                        subsidy,
                        id);
    }

    // ------------------------------------------------------------------ writing figures

    /** Adds ({@code version} null) or changes a budget line; returns rows changed. */
    int saveBudgetLine(UUID coalition, UUID subsidy, UUID id, Figures.BudgetLineRequest r, Instant at, String by) {
        if (r.version() == null) {
            return sql().update(
                            """
                    INSERT INTO budget_line (coalition_id, id, subsidy_id, member_id, category, budget_cents, realised_cents,
                                             explanation, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                            coalition,
                            id,
                            subsidy,
                            r.memberId(),
                            r.category().strip(),
                            r.budgetCents(),
                            r.realisedCents(),
                            blankToNull(r.explanation()),
                            at,
                            by);
        }
        return sql().update(
                        """
                UPDATE budget_line SET member_id = ?, category = ?, budget_cents = ?, realised_cents = ?, explanation = ?,
                                       updated_at = ?, updated_by = ?, version = version + 1
                 WHERE coalition_id = ? AND subsidy_id = ? AND id = ? AND version = ?""",
                        r.memberId(),
                        r.category().strip(),
                        r.budgetCents(),
                        r.realisedCents(),
                        blankToNull(r.explanation()),
                        at,
                        by,
                        coalition,
                        subsidy,
                        id,
                        r.version());
    }

    int saveFteLine(UUID coalition, UUID subsidy, UUID id, Figures.FteLineRequest r, Instant at, String by) {
        if (r.version() == null) {
            return sql().update(
                            """
                    INSERT INTO fte_line (coalition_id, id, subsidy_id, member_id, function, planned, realised, updated_at,
                                          updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                            coalition,
                            id,
                            subsidy,
                            r.memberId(),
                            r.function().strip(),
                            r.planned(),
                            r.realised(),
                            at,
                            by);
        }
        return sql().update(
                        """
                UPDATE fte_line SET member_id = ?, function = ?, planned = ?, realised = ?, updated_at = ?, updated_by = ?,
                                    version = version + 1
                 WHERE coalition_id = ? AND subsidy_id = ? AND id = ? AND version = ?""",
                        r.memberId(),
                        r.function().strip(),
                        r.planned(),
                        r.realised(),
                        at,
                        by,
                        coalition,
                        subsidy,
                        id,
                        r.version());
    }

    int saveIndicator(UUID coalition, UUID subsidy, UUID id, Figures.IndicatorRequest r, Instant at, String by) {
        String unit = r.unit() == null ? "" : r.unit().strip();
        String note = r.pdcaNote() == null ? "" : r.pdcaNote().strip();
        if (r.version() == null) {
            return sql().update(
                            """
                    INSERT INTO indicator (coalition_id, id, subsidy_id, member_id, group_name, name, unit, target, q1, q2, q3,
                                           q4, pdca_note, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                            coalition,
                            id,
                            subsidy,
                            r.memberId(),
                            r.group().strip(),
                            r.name().strip(),
                            unit,
                            r.target(),
                            r.q1(),
                            r.q2(),
                            r.q3(),
                            r.q4(),
                            note,
                            at,
                            by);
        }
        return sql().update(
                        """
                UPDATE indicator SET member_id = ?, group_name = ?, name = ?, unit = ?, target = ?, q1 = ?, q2 = ?, q3 = ?,
                                     q4 = ?, pdca_note = ?, updated_at = ?, updated_by = ?, version = version + 1
                 WHERE coalition_id = ? AND subsidy_id = ? AND id = ? AND version = ?""",
                        r.memberId(),
                        r.group().strip(),
                        r.name().strip(),
                        unit,
                        r.target(),
                        r.q1(),
                        r.q2(),
                        r.q3(),
                        r.q4(),
                        note,
                        at,
                        by,
                        coalition,
                        subsidy,
                        id,
                        r.version());
    }

    int saveMilestone(UUID coalition, UUID subsidy, UUID id, Figures.MilestoneRequest r, Instant at, String by) {
        String note = r.note() == null ? "" : r.note().strip();
        if (r.version() == null) {
            return sql().update(
                            """
                    INSERT INTO milestone (coalition_id, id, subsidy_id, member_id, title, due_on, status, done_on, note,
                                           updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                            coalition,
                            id,
                            subsidy,
                            r.memberId(),
                            r.title().strip(),
                            r.dueOn(),
                            r.status(),
                            r.doneOn(),
                            note,
                            at,
                            by);
        }
        return sql().update(
                        """
                UPDATE milestone SET member_id = ?, title = ?, due_on = ?, status = ?, done_on = ?, note = ?, updated_at = ?,
                                     updated_by = ?, version = version + 1
                 WHERE coalition_id = ? AND subsidy_id = ? AND id = ? AND version = ?""",
                        r.memberId(),
                        r.title().strip(),
                        r.dueOn(),
                        r.status(),
                        r.doneOn(),
                        note,
                        at,
                        by,
                        coalition,
                        subsidy,
                        id,
                        r.version());
    }

    int saveRisk(UUID coalition, UUID subsidy, UUID id, Figures.RiskRequest r, Instant at, String by) {
        if (r.version() == null) {
            return sql().update(
                            """
                    INSERT INTO risk (coalition_id, id, subsidy_id, member_id, risk, cause, mitigation, owner, status,
                                      updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                            coalition,
                            id,
                            subsidy,
                            r.memberId(),
                            r.risk().strip(),
                            r.cause().strip(),
                            r.mitigation().strip(),
                            r.owner().strip(),
                            r.status(),
                            at,
                            by);
        }
        return sql().update(
                        """
                UPDATE risk SET member_id = ?, risk = ?, cause = ?, mitigation = ?, owner = ?, status = ?, updated_at = ?,
                                updated_by = ?, version = version + 1
                 WHERE coalition_id = ? AND subsidy_id = ? AND id = ? AND version = ?""",
                        r.memberId(),
                        r.risk().strip(),
                        r.cause().strip(),
                        r.mitigation().strip(),
                        r.owner().strip(),
                        r.status(),
                        at,
                        by,
                        coalition,
                        subsidy,
                        id,
                        r.version());
    }

    // ------------------------------------------------------------------ reading figures

    private static final String MEMBER_JOIN =
            " JOIN member m ON m.coalition_id = f.coalition_id AND m.id = f.member_id";

    private <T> List<T> figures(
            FigureKind table, String order, UUID coalition, UUID subsidy, Set<UUID> members, Sql.Row<T> row) {
        return sql().list(
                        "SELECT f.*, m.name AS member_name FROM " + table.table + " f" + MEMBER_JOIN
                                + " WHERE f.coalition_id = ? AND f.subsidy_id = ?"
                                + (members == null ? "" : " AND f.member_id = ANY (?::uuid[])")
                                + " ORDER BY lower(m.name), "
                                + order + ", f.id",
                        row,
                        members == null
                                ? new Object[] {coalition, subsidy}
                                : new Object[] {
                                    coalition,
                                    subsidy,
                                    members.stream().map(UUID::toString).toArray(String[]::new)
                                });
    }

    /** {@code members} null: every member's. */
    List<Figures.BudgetLine> budgetLines(
            UUID coalition, UUID subsidy, Set<UUID> members, java.math.BigDecimal threshold) {
        return figures(FigureKind.BUDGET_LINE, "lower(f.category)", coalition, subsidy, members, rs -> {
            long budget = rs.getLong("budget_cents");
            long realised = rs.getLong("realised_cents");
            boolean known = !rs.wasNull();
            return new Figures.BudgetLine(
                    Sql.uuid(rs, "id"),
                    Sql.uuid(rs, "member_id"),
                    rs.getString("member_name"),
                    rs.getString("category"),
                    budget,
                    known ? realised : null,
                    known ? realised - budget : null,
                    known ? Variance.pct(budget, realised) : null,
                    known && Variance.needsExplanation(budget, realised, threshold),
                    rs.getString("explanation"),
                    Sql.instant(rs, "updated_at"),
                    rs.getString("updated_by"),
                    rs.getInt("version"));
        });
    }

    List<Figures.FteLine> fteLines(UUID coalition, UUID subsidy, Set<UUID> members) {
        return figures(
                FigureKind.FTE_LINE,
                "lower(f.function)",
                coalition,
                subsidy,
                members,
                rs -> new Figures.FteLine(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "member_id"),
                        rs.getString("member_name"),
                        rs.getString("function"),
                        rs.getBigDecimal("planned"),
                        rs.getBigDecimal("realised"),
                        Sql.instant(rs, "updated_at"),
                        rs.getString("updated_by"),
                        rs.getInt("version")));
    }

    List<Figures.Indicator> indicators(UUID coalition, UUID subsidy, Set<UUID> members) {
        return figures(
                FigureKind.INDICATOR,
                "lower(f.group_name), lower(f.name)",
                coalition,
                subsidy,
                members,
                rs -> new Figures.Indicator(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "member_id"),
                        rs.getString("member_name"),
                        rs.getString("group_name"),
                        rs.getString("name"),
                        rs.getString("unit"),
                        rs.getBigDecimal("target"),
                        rs.getBigDecimal("q1"),
                        rs.getBigDecimal("q2"),
                        rs.getBigDecimal("q3"),
                        rs.getBigDecimal("q4"),
                        rs.getString("pdca_note"),
                        Sql.instant(rs, "updated_at"),
                        rs.getString("updated_by"),
                        rs.getInt("version")));
    }

    List<Figures.Milestone> milestones(UUID coalition, UUID subsidy, Set<UUID> members) {
        return figures(
                FigureKind.MILESTONE,
                "f.due_on",
                coalition,
                subsidy,
                members,
                rs -> new Figures.Milestone(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "member_id"),
                        rs.getString("member_name"),
                        rs.getString("title"),
                        Sql.date(rs, "due_on"),
                        Figures.MilestoneStatus.valueOf(rs.getString("status")),
                        Sql.date(rs, "done_on"),
                        rs.getString("note"),
                        Sql.instant(rs, "updated_at"),
                        rs.getString("updated_by"),
                        rs.getInt("version")));
    }

    List<Figures.Risk> risks(UUID coalition, UUID subsidy, Set<UUID> members) {
        return figures(
                FigureKind.RISK,
                "f.status, lower(f.risk)",
                coalition,
                subsidy,
                members,
                rs -> new Figures.Risk(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "member_id"),
                        rs.getString("member_name"),
                        rs.getString("risk"),
                        rs.getString("cause"),
                        rs.getString("mitigation"),
                        rs.getString("owner"),
                        Figures.RiskStatus.valueOf(rs.getString("status")),
                        Sql.instant(rs, "updated_at"),
                        rs.getString("updated_by"),
                        rs.getInt("version")));
    }

    private static SubsidyRow subsidy(ResultSet rs) throws SQLException {
        return new SubsidyRow(
                Sql.uuid(rs, "id"),
                rs.getInt("year"),
                rs.getString("title"),
                rs.getString("scope"),
                rs.getString("grantor"),
                rs.getString("reference"),
                rs.getLong("amount_cents"),
                Sql.date(rs, "period_from"),
                Sql.date(rs, "period_until"),
                rs.getString("conditions"),
                Sql.date(rs, "verantwoording_due"),
                rs.getLong("accountant_threshold_cents"),
                rs.getBigDecimal("variance_threshold_pct"),
                Sql.instant(rs, "created_at"),
                rs.getString("created_by"),
                rs.getInt("version"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
