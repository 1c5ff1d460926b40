package nl.samenspel.governance.traject;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.db.Sql;

/** Plain SQL on trajects, their phases and linked milestones, in the caller's coalition-bound transaction. */
@Singleton
class TrajectRepository {

    record TrajectRow(
            UUID id,
            String title,
            String description,
            UUID ownerBodyId,
            String ownerBodyName,
            Instant createdAt,
            String createdBy,
            int version) {}

    record PhaseRow(
            UUID id,
            UUID trajectId,
            int position,
            String name,
            String description,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            LocalDate actualStart,
            LocalDate actualEnd,
            int version) {}

    record MilestoneRow(
            UUID milestoneId,
            UUID phaseId,
            UUID subsidyId,
            UUID memberId,
            String memberName,
            String title,
            LocalDate dueOn,
            String status,
            LocalDate doneOn) {}

    private static final String TRAJECT =
            """
            SELECT t.*, b.name AS body_name FROM traject t
              JOIN body b ON b.coalition_id = t.coalition_id AND b.id = t.owner_body_id""";

    private final TransactionOperations<Connection> transactions;

    TrajectRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    private Sql sql() {
        return Sql.on(transactions.getConnection());
    }

    void insert(UUID coalition, UUID id, Traject.Request r, Instant at, String by) {
        sql().update(
                        """
                INSERT INTO traject (coalition_id, id, title, description, owner_body_id, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                        coalition,
                        id,
                        r.title().strip(),
                        text(r.description()),
                        r.ownerBodyId(),
                        at,
                        by);
    }

    int update(UUID coalition, UUID id, Traject.Request r) {
        return sql().update(
                        """
                UPDATE traject SET title = ?, description = ?, owner_body_id = ?, version = version + 1
                 WHERE coalition_id = ? AND id = ? AND version = ?""",
                        r.title().strip(),
                        text(r.description()),
                        r.ownerBodyId(),
                        coalition,
                        id,
                        r.version());
    }

    List<TrajectRow> trajects(UUID coalition) {
        return sql().list(
                        TRAJECT + " WHERE t.coalition_id = ? ORDER BY lower(t.title), t.id",
                        TrajectRepository::traject,
                        coalition);
    }

    Optional<TrajectRow> traject(UUID coalition, UUID id) {
        return sql().one(TRAJECT + " WHERE t.coalition_id = ? AND t.id = ?", TrajectRepository::traject, coalition, id);
    }

    boolean titleTaken(UUID coalition, String title, UUID except) {
        return sql().one(
                        "SELECT 1 FROM traject WHERE coalition_id = ? AND lower(title) = lower(?) AND id IS DISTINCT FROM ?::uuid",
                        rs -> 1,
                        coalition,
                        title.strip(),
                        except)
                .isPresent();
    }

    boolean bodyExists(UUID coalition, UUID body) {
        return sql().one("SELECT 1 FROM body WHERE coalition_id = ? AND id = ?", rs -> 1, coalition, body)
                .isPresent();
    }

    void insertPhase(
            UUID coalition, UUID traject, UUID id, int position, Traject.PhaseRequest r, Instant at, String by) {
        sql().update(
                        """
                INSERT INTO traject_phase (coalition_id, id, traject_id, position, name, description, planned_start,
                                           planned_end, actual_start, actual_end, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalition,
                        id,
                        traject,
                        position,
                        r.name().strip(),
                        text(r.description()),
                        r.plannedStart(),
                        r.plannedEnd(),
                        r.actualStart(),
                        r.actualEnd(),
                        at,
                        by);
    }

    int updatePhase(UUID coalition, UUID traject, UUID id, Traject.PhaseRequest r, Instant at, String by) {
        return sql().update(
                        """
                UPDATE traject_phase SET name = ?, description = ?, planned_start = ?, planned_end = ?, actual_start = ?,
                                         actual_end = ?, updated_at = ?, updated_by = ?, version = version + 1
                 WHERE coalition_id = ? AND traject_id = ? AND id = ? AND version = ?""",
                        r.name().strip(),
                        text(r.description()),
                        r.plannedStart(),
                        r.plannedEnd(),
                        r.actualStart(),
                        r.actualEnd(),
                        at,
                        by,
                        coalition,
                        traject,
                        id,
                        r.version());
    }

    /** Moves every phase of the traject in one statement; the position key is checked at commit. */
    void reorder(UUID coalition, UUID traject, List<UUID> order, Instant at, String by) {
        sql().update(
                        """
                UPDATE traject_phase p SET position = o.n - 1, updated_at = ?, updated_by = ?, version = version + 1
                  FROM unnest(?::uuid[]) WITH ORDINALITY AS o(id, n)
                 WHERE p.coalition_id = ? AND p.traject_id = ? AND p.id = o.id AND p.position <> o.n - 1""",
                        at,
                        by,
                        order.toArray(UUID[]::new),
                        coalition,
                        traject);
    }

    List<PhaseRow> phases(UUID coalition, UUID traject) {
        return sql().list(
                        "SELECT * FROM traject_phase WHERE coalition_id = ? AND traject_id = ? ORDER BY position",
                        rs -> new PhaseRow(
                                Sql.uuid(rs, "id"),
                                Sql.uuid(rs, "traject_id"),
                                rs.getInt("position"),
                                rs.getString("name"),
                                rs.getString("description"),
                                Sql.date(rs, "planned_start"),
                                Sql.date(rs, "planned_end"),
                                Sql.date(rs, "actual_start"),
                                Sql.date(rs, "actual_end"),
                                rs.getInt("version")),
                        coalition,
                        traject);
    }

    List<MilestoneRow> milestones(UUID coalition, UUID traject) {
        return sql().list(
                        """
                SELECT l.milestone_id, l.phase_id, m.subsidy_id, m.member_id, mb.name AS member_name, m.title, m.due_on,
                       m.status, m.done_on
                  FROM traject_milestone l
                  JOIN milestone m ON m.coalition_id = l.coalition_id AND m.id = l.milestone_id
                  JOIN member mb ON mb.coalition_id = m.coalition_id AND mb.id = m.member_id
                 WHERE l.coalition_id = ? AND l.traject_id = ?
                 ORDER BY m.due_on, lower(m.title), m.id""",
                        rs -> new MilestoneRow(
                                Sql.uuid(rs, "milestone_id"),
                                Sql.uuid(rs, "phase_id"),
                                Sql.uuid(rs, "subsidy_id"),
                                Sql.uuid(rs, "member_id"),
                                rs.getString("member_name"),
                                rs.getString("title"),
                                Sql.date(rs, "due_on"),
                                rs.getString("status"),
                                Sql.date(rs, "done_on")),
                        coalition,
                        traject);
    }

    /** The subsidy of a milestone in the coalition, if there is such a milestone. */
    Optional<UUID> milestoneSubsidy(UUID coalition, UUID milestone) {
        return sql().one(
                        "SELECT subsidy_id FROM milestone WHERE coalition_id = ? AND id = ?",
                        rs -> Sql.uuid(rs, "subsidy_id"),
                        coalition,
                        milestone);
    }

    /** The traject a milestone is linked to, if any. */
    Optional<UUID> linkedTraject(UUID coalition, UUID milestone) {
        return sql().one(
                        "SELECT traject_id FROM traject_milestone WHERE coalition_id = ? AND milestone_id = ?",
                        rs -> Sql.uuid(rs, "traject_id"),
                        coalition,
                        milestone);
    }

    /** Links the milestone, or moves it to another phase of the same traject. */
    void link(UUID coalition, UUID traject, UUID milestone, UUID phase, Instant at, String by) {
        sql().update(
                        """
                INSERT INTO traject_milestone (coalition_id, milestone_id, traject_id, phase_id, linked_at, linked_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (coalition_id, milestone_id) DO UPDATE
                   SET phase_id = excluded.phase_id, linked_at = excluded.linked_at, linked_by = excluded.linked_by
                 WHERE traject_milestone.traject_id = excluded.traject_id""",
                        coalition,
                        milestone,
                        traject,
                        phase,
                        at,
                        by);
    }

    private static TrajectRow traject(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TrajectRow(
                Sql.uuid(rs, "id"),
                rs.getString("title"),
                rs.getString("description"),
                Sql.uuid(rs, "owner_body_id"),
                rs.getString("body_name"),
                Sql.instant(rs, "created_at"),
                rs.getString("created_by"),
                rs.getInt("version"));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
