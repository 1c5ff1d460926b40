package nl.samenspel.governance.traject;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.db.Sql;

/** Plain SQL on stakeholders, communication moments and their audience, in the caller's coalition-bound transaction. */
@Singleton
class CommunicationRepository {

    record StakeholderRow(
            UUID id,
            String name,
            String description,
            String interest,
            Stakeholder.Level influence,
            Stakeholder.Level interestLevel,
            Instant updatedAt,
            String updatedBy,
            int version) {}

    record MomentRow(
            UUID id,
            UUID trajectId,
            String trajectTitle,
            UUID milestoneId,
            String message,
            CommunicationMoment.Channel channel,
            LocalDate plannedOn,
            LocalDate doneOn,
            String responsible,
            int version) {}

    record AudienceRow(UUID momentId, UUID stakeholderId, String name) {}

    private static final String MOMENT =
            """
            SELECT m.*, t.title AS traject_title FROM communication_moment m
              JOIN traject t ON t.coalition_id = m.coalition_id AND t.id = m.traject_id""";

    private final TransactionOperations<Connection> transactions;

    CommunicationRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    private Sql sql() {
        return Sql.on(transactions.getConnection());
    }

    // ------------------------------------------------------------------ stakeholders

    List<StakeholderRow> stakeholders(UUID coalition) {
        return sql().list(
                        "SELECT * FROM stakeholder WHERE coalition_id = ? ORDER BY lower(name), id",
                        CommunicationRepository::stakeholder,
                        coalition);
    }

    Optional<StakeholderRow> stakeholder(UUID coalition, UUID id) {
        return sql().one(
                        "SELECT * FROM stakeholder WHERE coalition_id = ? AND id = ?",
                        CommunicationRepository::stakeholder,
                        coalition,
                        id);
    }

    boolean stakeholderNameTaken(UUID coalition, String name, UUID except) {
        return sql().one(
                        "SELECT 1 FROM stakeholder WHERE coalition_id = ? AND lower(name) = lower(?) AND id IS DISTINCT FROM ?::uuid",
                        rs -> 1,
                        coalition,
                        name.strip(),
                        except)
                .isPresent();
    }

    void insertStakeholder(UUID coalition, UUID id, Stakeholder.Request r, Instant at, String by) {
        sql().update(
                        """
                INSERT INTO stakeholder (coalition_id, id, name, description, interest, influence, interest_level,
                                         created_at, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalition,
                        id,
                        r.name().strip(),
                        text(r.description()),
                        text(r.interest()),
                        r.influence(),
                        r.interestLevel(),
                        at,
                        at,
                        by);
    }

    int updateStakeholder(UUID coalition, UUID id, Stakeholder.Request r, Instant at, String by) {
        return sql().update(
                        """
                UPDATE stakeholder SET name = ?, description = ?, interest = ?, influence = ?, interest_level = ?,
                       updated_at = ?, updated_by = ?, version = version + 1
                 WHERE coalition_id = ? AND id = ? AND version = ?""",
                        r.name().strip(),
                        text(r.description()),
                        text(r.interest()),
                        r.influence(),
                        r.interestLevel(),
                        at,
                        by,
                        coalition,
                        id,
                        r.version());
    }

    boolean stakeholderInUse(UUID coalition, UUID id) {
        return sql().one(
                        "SELECT 1 FROM communication_audience WHERE coalition_id = ? AND stakeholder_id = ? LIMIT 1",
                        rs -> 1,
                        coalition,
                        id)
                .isPresent();
    }

    int deleteStakeholder(UUID coalition, UUID id) {
        return sql().update("DELETE FROM stakeholder WHERE coalition_id = ? AND id = ?", coalition, id);
    }

    // ------------------------------------------------------------------ moments

    List<MomentRow> moments(UUID coalition, UUID traject) {
        return sql().list(
                        MOMENT
                                + " WHERE m.coalition_id = ? AND m.traject_id = ? ORDER BY m.planned_on, m.created_at, m.id",
                        CommunicationRepository::moment,
                        coalition,
                        traject);
    }

    Optional<MomentRow> moment(UUID coalition, UUID traject, UUID id) {
        return sql().one(
                        MOMENT + " WHERE m.coalition_id = ? AND m.traject_id = ? AND m.id = ?",
                        CommunicationRepository::moment,
                        coalition,
                        traject,
                        id);
    }

    /** Every moment of the coalition planned in [from, until], for the calendar feed. */
    List<MomentRow> momentsBetween(UUID coalition, LocalDate from, LocalDate until) {
        return sql().list(
                        MOMENT
                                + " WHERE m.coalition_id = ? AND m.planned_on BETWEEN ? AND ? ORDER BY m.planned_on, m.id",
                        CommunicationRepository::moment,
                        coalition,
                        from,
                        until);
    }

    /** The audience of the coalition's moments (of one traject, or all when traject is null). */
    List<AudienceRow> audience(UUID coalition, UUID traject) {
        return sql().list(
                        """
                SELECT a.moment_id, a.stakeholder_id, s.name FROM communication_audience a
                  JOIN stakeholder s ON s.coalition_id = a.coalition_id AND s.id = a.stakeholder_id
                  JOIN communication_moment m ON m.coalition_id = a.coalition_id AND m.id = a.moment_id
                 WHERE a.coalition_id = ? AND (?::uuid IS NULL OR m.traject_id = ?::uuid)
                 ORDER BY lower(s.name), s.id""",
                        rs -> new AudienceRow(
                                Sql.uuid(rs, "moment_id"), Sql.uuid(rs, "stakeholder_id"), rs.getString("name")),
                        coalition,
                        traject,
                        traject);
    }

    boolean milestoneOfTraject(UUID coalition, UUID traject, UUID milestone) {
        return sql().one(
                        "SELECT 1 FROM traject_milestone WHERE coalition_id = ? AND traject_id = ? AND milestone_id = ?",
                        rs -> 1,
                        coalition,
                        traject,
                        milestone)
                .isPresent();
    }

    void insertMoment(UUID coalition, UUID traject, UUID id, CommunicationService.Checked r, Instant at, String by) {
        sql().update(
                        """
                INSERT INTO communication_moment (coalition_id, id, traject_id, milestone_id, message, channel, planned_on,
                                                  responsible, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalition,
                        id,
                        traject,
                        r.milestoneId(),
                        r.message(),
                        r.channel(),
                        r.plannedOn(),
                        r.responsible(),
                        at,
                        by,
                        at,
                        by);
    }

    int updateMoment(
            UUID coalition, UUID traject, UUID id, CommunicationService.Checked r, int version, Instant at, String by) {
        return sql().update(
                        """
                UPDATE communication_moment SET milestone_id = ?, message = ?, channel = ?, planned_on = ?, responsible = ?,
                       updated_at = ?, updated_by = ?, version = version + 1
                 WHERE coalition_id = ? AND traject_id = ? AND id = ? AND version = ?""",
                        r.milestoneId(),
                        r.message(),
                        r.channel(),
                        r.plannedOn(),
                        r.responsible(),
                        at,
                        by,
                        coalition,
                        traject,
                        id,
                        version);
    }

    int markDone(UUID coalition, UUID traject, UUID id, LocalDate doneOn, int version, Instant at, String by) {
        return sql().update(
                        """
                UPDATE communication_moment SET done_on = ?, updated_at = ?, updated_by = ?, version = version + 1
                 WHERE coalition_id = ? AND traject_id = ? AND id = ? AND version = ?""",
                        doneOn,
                        at,
                        by,
                        coalition,
                        traject,
                        id,
                        version);
    }

    void replaceAudience(UUID coalition, UUID moment, List<UUID> stakeholders) {
        sql().update("DELETE FROM communication_audience WHERE coalition_id = ? AND moment_id = ?", coalition, moment);
        for (UUID s : stakeholders) {
            sql().update(
                            "INSERT INTO communication_audience (coalition_id, moment_id, stakeholder_id) VALUES (?, ?, ?)",
                            coalition,
                            moment,
                            s);
        }
    }

    private static StakeholderRow stakeholder(ResultSet rs) throws SQLException {
        return new StakeholderRow(
                Sql.uuid(rs, "id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("interest"),
                Stakeholder.Level.valueOf(rs.getString("influence")),
                Stakeholder.Level.valueOf(rs.getString("interest_level")),
                Sql.instant(rs, "updated_at"),
                rs.getString("updated_by"),
                rs.getInt("version"));
    }

    private static MomentRow moment(ResultSet rs) throws SQLException {
        return new MomentRow(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "traject_id"),
                rs.getString("traject_title"),
                Sql.uuid(rs, "milestone_id"),
                rs.getString("message"),
                CommunicationMoment.Channel.valueOf(rs.getString("channel")),
                Sql.date(rs, "planned_on"),
                Sql.date(rs, "done_on"),
                rs.getString("responsible"),
                rs.getInt("version"));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
