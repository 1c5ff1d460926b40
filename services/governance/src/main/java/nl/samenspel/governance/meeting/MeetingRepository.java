package nl.samenspel.governance.meeting;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.db.Sql;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Quorum;

/**
 * Plain SQL on the meeting tables inside the caller's coalition-bound transaction. Every statement names
 * the coalition; row-level security checks the same again.
 */
@Singleton
public class MeetingRepository {

    private final TransactionOperations<Connection> transactions;

    MeetingRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    private Sql sql() {
        return Sql.on(transactions.getConnection());
    }

    // --- meetings

    public void insert(Meeting m) {
        sql().update(
                        """
                INSERT INTO meeting (coalition_id, id, body_id, title, starts_at, ends_at, location, online_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                        m.coalitionId(),
                        m.id(),
                        m.bodyId(),
                        m.title(),
                        m.startsAt(),
                        m.endsAt(),
                        m.location(),
                        m.onlineUrl());
    }

    public Optional<Meeting> find(UUID coalitionId, UUID id) {
        return sql().one(
                        "SELECT * FROM meeting WHERE coalition_id = ? AND id = ?",
                        MeetingRepository::meeting,
                        coalitionId,
                        id);
    }

    /** Locks the meeting: its agenda, attendance and records change one request at a time. */
    public Optional<Meeting> lock(UUID coalitionId, UUID id) {
        return sql().one(
                        "SELECT * FROM meeting WHERE coalition_id = ? AND id = ? FOR UPDATE",
                        MeetingRepository::meeting,
                        coalitionId,
                        id);
    }

    public List<Meeting> between(UUID coalitionId, Instant from, Instant until) {
        return sql().list(
                        """
                SELECT * FROM meeting WHERE coalition_id = ? AND starts_at >= ? AND starts_at < ?
                 ORDER BY starts_at, id""",
                        MeetingRepository::meeting,
                        coalitionId,
                        from,
                        until);
    }

    public List<Meeting> ofBody(UUID coalitionId, UUID bodyId) {
        return sql().list(
                        "SELECT * FROM meeting WHERE coalition_id = ? AND body_id = ? ORDER BY starts_at, id",
                        MeetingRepository::meeting,
                        coalitionId,
                        bodyId);
    }

    public int update(
            UUID coalitionId,
            UUID id,
            int version,
            String title,
            Instant startsAt,
            Instant endsAt,
            String location,
            String onlineUrl,
            boolean raiseSequence) {
        return sql().update(
                        """
                UPDATE meeting SET title = ?, starts_at = ?, ends_at = ?, location = ?, online_url = ?,
                       sequence = sequence + ?, version = version + 1
                 WHERE coalition_id = ? AND id = ? AND version = ?""",
                        title,
                        startsAt,
                        endsAt,
                        location,
                        onlineUrl,
                        raiseSequence ? 1 : 0,
                        coalitionId,
                        id,
                        version);
    }

    public void markConvened(UUID coalitionId, UUID id, Instant at) {
        sql().update(
                        """
                UPDATE meeting SET status = 'CONVENED', convened_at = ?, version = version + 1
                 WHERE coalition_id = ? AND id = ?""",
                        at,
                        coalitionId,
                        id);
    }

    public void markCancelled(UUID coalitionId, UUID id, Instant at) {
        sql().update(
                        """
                UPDATE meeting SET status = 'CANCELLED', cancelled_at = ?, sequence = sequence + 1,
                       version = version + 1
                 WHERE coalition_id = ? AND id = ?""",
                        at,
                        coalitionId,
                        id);
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        return new Meeting(
                Sql.uuid(rs, "coalition_id"),
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "body_id"),
                rs.getString("title"),
                Sql.instant(rs, "starts_at"),
                Sql.instant(rs, "ends_at"),
                rs.getString("location"),
                rs.getString("online_url"),
                Meeting.Status.valueOf(rs.getString("status")),
                Sql.instant(rs, "convened_at"),
                Sql.instant(rs, "cancelled_at"),
                rs.getInt("sequence"),
                rs.getInt("version"));
    }

    // --- agenda

    public List<AgendaItem> agenda(UUID coalitionId, UUID meetingId) {
        return sql().list(
                        "SELECT * FROM agenda_item WHERE coalition_id = ? AND meeting_id = ? ORDER BY position, id",
                        MeetingRepository::item,
                        coalitionId,
                        meetingId);
    }

    public void insertItem(UUID coalitionId, AgendaItem item) {
        sql().update(
                        """
                INSERT INTO agenda_item (coalition_id, id, meeting_id, position, title, description, kind, decision_type)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        item.id(),
                        item.meetingId(),
                        item.position(),
                        item.title(),
                        item.description(),
                        item.kind(),
                        item.decisionType());
    }

    public int updateItem(UUID coalitionId, AgendaItem item) {
        return sql().update(
                        """
                UPDATE agenda_item SET title = ?, description = ?, kind = ?, decision_type = ?, version = version + 1
                 WHERE coalition_id = ? AND id = ? AND version = ?""",
                        item.title(),
                        item.description(),
                        item.kind(),
                        item.decisionType(),
                        coalitionId,
                        item.id(),
                        item.version());
    }

    public void moveItem(UUID coalitionId, UUID itemId, int position) {
        sql().update(
                        "UPDATE agenda_item SET position = ? WHERE coalition_id = ? AND id = ?",
                        position,
                        coalitionId,
                        itemId);
    }

    public void deleteItem(UUID coalitionId, UUID itemId) {
        sql().update("DELETE FROM agenda_document WHERE coalition_id = ? AND agenda_item_id = ?", coalitionId, itemId);
        sql().update("DELETE FROM agenda_item WHERE coalition_id = ? AND id = ?", coalitionId, itemId);
    }

    public boolean itemHasDecision(UUID coalitionId, UUID itemId) {
        return sql().one(
                                "SELECT count(*) FROM decision WHERE coalition_id = ? AND agenda_item_id = ?",
                                rs -> rs.getLong(1),
                                coalitionId,
                                itemId)
                        .orElse(0L)
                > 0;
    }

    private static AgendaItem item(ResultSet rs) throws SQLException {
        String type = rs.getString("decision_type");
        return new AgendaItem(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "meeting_id"),
                rs.getInt("position"),
                rs.getString("title"),
                rs.getString("description"),
                AgendaItem.Kind.valueOf(rs.getString("kind")),
                type == null ? null : DecisionType.valueOf(type),
                rs.getInt("version"));
    }

    // --- documents

    public void insertDocument(
            UUID coalitionId,
            UUID id,
            UUID itemId,
            String filename,
            String contentType,
            byte[] content,
            String sha256,
            Instant at,
            String by) {
        sql().update(
                        """
                INSERT INTO agenda_document (coalition_id, id, agenda_item_id, filename, content_type, size_bytes, sha256,
                                             content, uploaded_at, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        id,
                        itemId,
                        filename,
                        contentType,
                        content.length,
                        sha256,
                        content,
                        at,
                        by);
    }

    public List<AgendaDocument> documents(UUID coalitionId, UUID meetingId) {
        return sql().list(
                        """
                SELECT d.id, d.agenda_item_id, d.filename, d.content_type, d.size_bytes, d.sha256, d.uploaded_at
                  FROM agenda_document d
                  JOIN agenda_item i ON i.coalition_id = d.coalition_id AND i.id = d.agenda_item_id
                 WHERE d.coalition_id = ? AND i.meeting_id = ?
                 ORDER BY d.uploaded_at, d.id""",
                        rs -> new AgendaDocument(
                                Sql.uuid(rs, "id"),
                                Sql.uuid(rs, "agenda_item_id"),
                                rs.getString("filename"),
                                rs.getString("content_type"),
                                rs.getInt("size_bytes"),
                                rs.getString("sha256"),
                                Sql.instant(rs, "uploaded_at")),
                        coalitionId,
                        meetingId);
    }

    public Optional<byte[]> documentContent(UUID coalitionId, UUID meetingId, UUID documentId) {
        return sql().one(
                        """
                SELECT d.content FROM agenda_document d
                  JOIN agenda_item i ON i.coalition_id = d.coalition_id AND i.id = d.agenda_item_id
                 WHERE d.coalition_id = ? AND i.meeting_id = ? AND d.id = ?""",
                        rs -> rs.getBytes(1),
                        coalitionId,
                        meetingId,
                        documentId);
    }

    // --- attendance

    public List<Attendance> attendance(UUID coalitionId, UUID meetingId) {
        return sql().list(
                        "SELECT * FROM meeting_attendance WHERE coalition_id = ? AND meeting_id = ? ORDER BY member_id",
                        rs -> new Attendance(
                                Sql.uuid(rs, "member_id"),
                                Quorum.Attendance.valueOf(rs.getString("status")),
                                Sql.uuid(rs, "proxy_holder_id"),
                                rs.getString("person_name")),
                        coalitionId,
                        meetingId);
    }

    public void replaceAttendance(UUID coalitionId, UUID meetingId, List<Attendance> entries, Instant at) {
        sql().update(
                        "DELETE FROM meeting_attendance WHERE coalition_id = ? AND meeting_id = ?",
                        coalitionId,
                        meetingId);
        for (Attendance a : entries) {
            sql().update(
                            """
                    INSERT INTO meeting_attendance (coalition_id, meeting_id, member_id, status, proxy_holder_id,
                                                    person_name, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                            coalitionId,
                            meetingId,
                            a.memberId(),
                            a.status(),
                            a.proxyHolderId(),
                            a.personName(),
                            at);
        }
    }

    // --- minutes

    public Optional<Minutes> minutes(UUID coalitionId, UUID meetingId) {
        return sql().one(
                        "SELECT * FROM meeting_minutes WHERE coalition_id = ? AND meeting_id = ?",
                        rs -> new Minutes(
                                Sql.uuid(rs, "meeting_id"),
                                rs.getString("text"),
                                Minutes.Status.valueOf(rs.getString("status")),
                                Sql.uuid(rs, "approved_in_meeting_id"),
                                Sql.instant(rs, "approved_at"),
                                Sql.instant(rs, "updated_at"),
                                rs.getInt("version")),
                        coalitionId,
                        meetingId);
    }

    public void insertMinutes(UUID coalitionId, UUID meetingId, String text, Instant at) {
        sql().update(
                        """
                INSERT INTO meeting_minutes (coalition_id, meeting_id, text, status, updated_at)
                VALUES (?, ?, ?, 'DRAFT', ?)""",
                        coalitionId,
                        meetingId,
                        text,
                        at);
    }

    public int updateMinutes(UUID coalitionId, UUID meetingId, int version, String text, Instant at) {
        return sql().update(
                        """
                UPDATE meeting_minutes SET text = ?, updated_at = ?, version = version + 1
                 WHERE coalition_id = ? AND meeting_id = ? AND version = ? AND status = 'DRAFT'""",
                        text,
                        at,
                        coalitionId,
                        meetingId,
                        version);
    }

    public int approveMinutes(UUID coalitionId, UUID meetingId, int version, UUID inMeetingId, Instant at) {
        return sql().update(
                        """
                UPDATE meeting_minutes SET status = 'APPROVED', approved_in_meeting_id = ?, approved_at = ?,
                       updated_at = ?, version = version + 1
                 WHERE coalition_id = ? AND meeting_id = ? AND version = ? AND status = 'DRAFT'""",
                        inMeetingId,
                        at,
                        at,
                        coalitionId,
                        meetingId,
                        version);
    }

    /** Minutes of earlier meetings of the body still waiting for approval, oldest first. */
    public List<UUID> draftMinutesBefore(UUID coalitionId, UUID bodyId, Instant before) {
        return sql().list(
                        """
                SELECT m.id FROM meeting m
                  JOIN meeting_minutes n ON n.coalition_id = m.coalition_id AND n.meeting_id = m.id
                 WHERE m.coalition_id = ? AND m.body_id = ? AND m.starts_at < ? AND n.status = 'DRAFT'
                 ORDER BY m.starts_at""",
                        rs -> Sql.uuid(rs, "id"),
                        coalitionId,
                        bodyId,
                        before);
    }

    /** A transaction-long lock on one purpose within the coalition (numbering, links). */
    public void lockCoalition(UUID coalitionId, String purpose) {
        sql().one(
                        "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                        rs -> rs.getObject(1),
                        purpose + ":" + coalitionId);
    }

    // --- decisions

    public int nextDecisionNumber(UUID coalitionId) {
        return sql().one(
                        "SELECT coalesce(max(number), 0) + 1 FROM decision WHERE coalition_id = ?",
                        rs -> rs.getInt(1),
                        coalitionId)
                .orElse(1);
    }

    public void insertDecision(UUID coalitionId, Decision d) {
        sql().update(
                        """
                INSERT INTO decision (coalition_id, id, number, meeting_id, agenda_item_id, decision_type, text, outcome,
                                      decided_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        d.id(),
                        d.number(),
                        d.meetingId(),
                        d.agendaItemId(),
                        d.decisionType(),
                        d.text(),
                        d.outcome(),
                        d.decidedAt(),
                        d.recordedBy());
    }

    public List<Decision> decisionsOfMeeting(UUID coalitionId, UUID meetingId) {
        return sql().list(
                        "SELECT * FROM decision WHERE coalition_id = ? AND meeting_id = ? ORDER BY number",
                        MeetingRepository::decision,
                        coalitionId,
                        meetingId);
    }

    public List<Decision> decisions(UUID coalitionId) {
        return sql().list(
                        "SELECT * FROM decision WHERE coalition_id = ? ORDER BY number DESC",
                        MeetingRepository::decision,
                        coalitionId);
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(
                Sql.uuid(rs, "id"),
                rs.getInt("number"),
                Sql.uuid(rs, "meeting_id"),
                Sql.uuid(rs, "agenda_item_id"),
                DecisionType.valueOf(rs.getString("decision_type")),
                rs.getString("text"),
                Decision.Outcome.valueOf(rs.getString("outcome")),
                Sql.instant(rs, "decided_at"),
                rs.getString("recorded_by"));
    }

    // --- action items

    public void insertAction(UUID coalitionId, ActionItem a) {
        sql().update(
                        """
                INSERT INTO action_item (coalition_id, id, meeting_id, description, owner_name, owner_member_id, due_on,
                                         created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        a.id(),
                        a.meetingId(),
                        a.description(),
                        a.ownerName(),
                        a.ownerMemberId(),
                        a.dueOn(),
                        a.createdAt());
    }

    public int setActionStatus(UUID coalitionId, UUID id, int version, ActionItem.Status status, Instant closedAt) {
        return sql().update(
                        """
                UPDATE action_item SET status = ?, closed_at = ?, version = version + 1
                 WHERE coalition_id = ? AND id = ? AND version = ?""",
                        status,
                        closedAt,
                        coalitionId,
                        id,
                        version);
    }

    public Optional<ActionItem> action(UUID coalitionId, UUID id) {
        return sql().one(
                        "SELECT * FROM action_item WHERE coalition_id = ? AND id = ?",
                        MeetingRepository::action,
                        coalitionId,
                        id);
    }

    public List<ActionItem> actionsOfMeeting(UUID coalitionId, UUID meetingId) {
        return sql().list(
                        "SELECT * FROM action_item WHERE coalition_id = ? AND meeting_id = ? ORDER BY created_at, id",
                        MeetingRepository::action,
                        coalitionId,
                        meetingId);
    }

    /** Open actions first, by due date (undated last); then the closed ones. */
    public List<ActionItem> actions(UUID coalitionId, boolean openOnly) {
        return sql().list(
                        """
                SELECT * FROM action_item WHERE coalition_id = ? AND (status = 'OPEN' OR NOT ?)
                 ORDER BY status <> 'OPEN', due_on NULLS LAST, created_at, id""",
                        MeetingRepository::action,
                        coalitionId,
                        openOnly);
    }

    private static ActionItem action(ResultSet rs) throws SQLException {
        return new ActionItem(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "meeting_id"),
                rs.getString("description"),
                rs.getString("owner_name"),
                Sql.uuid(rs, "owner_member_id"),
                Sql.date(rs, "due_on"),
                ActionItem.Status.valueOf(rs.getString("status")),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "closed_at"),
                rs.getInt("version"));
    }
}
