package nl.samenspel.governance.traject;

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

/** Plain SQL on a traject's case file and the coalition's items that may go in it. */
@Singleton
class CaseFileRepository {

    /** An item of the coalition with its title and the moment its date comes from. */
    record ItemRow(CaseFile.Kind kind, UUID id, String title, Instant at) {}

    record EntryRow(
            UUID id,
            ItemRow item,
            CaseFile.Classification classification,
            Integer retentionYears,
            Instant addedAt,
            String addedBy) {}

    record DocumentRow(String filename, String origin, int pages, String sha256, String createdBy, byte[] content) {}

    record DecisionRow(
            int number,
            String decisionType,
            String text,
            String outcome,
            Instant decidedAt,
            String itemTitle,
            String meetingTitle,
            String bodyName) {}

    record MeetingRow(
            String title,
            String bodyName,
            Instant startsAt,
            Instant endsAt,
            String location,
            String status,
            String minutesText,
            String minutesStatus) {}

    /**
     * Every item of the coalition that a case file can hold; a document's date is the day it was signed
     * (its signature request completed), else the day it was uploaded. Takes the coalition four times.
     */
    private static final String ITEMS =
            """
            WITH item AS (
              SELECT 'DOCUMENT' AS kind, d.id, d.title,
                     COALESCE((SELECT max(r.signed_at) FROM signature_request r
                                WHERE r.coalition_id = d.coalition_id AND r.document_id = d.id
                                  AND r.status = 'COMPLETED'), d.created_at) AS at
                FROM document d WHERE d.coalition_id = ?
              UNION ALL
              SELECT 'DECISION', dc.id, 'Besluit ' || dc.number || ': ' || ai.title, dc.decided_at
                FROM decision dc
                JOIN agenda_item ai ON ai.coalition_id = dc.coalition_id AND ai.id = dc.agenda_item_id
               WHERE dc.coalition_id = ?
              UNION ALL
              SELECT 'MEETING', m.id, m.title, m.starts_at FROM meeting m
               WHERE m.coalition_id = ? AND m.status <> 'CANCELLED'
              UNION ALL
              SELECT 'REPORT', p.id, 'Verantwoordingspakket ' || s.year || ' – ' || s.title, p.completed_at
                FROM verantwoordingspakket p
                JOIN subsidy s ON s.coalition_id = p.coalition_id AND s.id = p.subsidy_id
               WHERE p.coalition_id = ? AND p.status = 'DONE')
            """;

    private final TransactionOperations<Connection> transactions;

    CaseFileRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    private Sql sql() {
        return Sql.on(transactions.getConnection());
    }

    /** The live entries of a traject with their items; takes the coalition four times, then coalition and traject. */
    private static final String ENTRIES = ITEMS
            + """
            SELECT e.*, i.kind AS item_kind, i.title, i.at FROM traject_case_entry e
              JOIN item i ON i.kind = e.kind AND i.id = e.ref_id
             WHERE e.coalition_id = ? AND e.traject_id = ? AND e.withdrawn_at IS NULL""";

    List<EntryRow> entries(UUID coalition, UUID traject) {
        return sql().list(
                        ENTRIES + " ORDER BY i.at, e.added_at, e.id",
                        CaseFileRepository::entry,
                        items(coalition, coalition, traject));
    }

    Optional<EntryRow> entry(UUID coalition, UUID traject, UUID id) {
        return sql().one(
                        ENTRIES + " AND e.id = ?", CaseFileRepository::entry, items(coalition, coalition, traject, id));
    }

    /** The coalition's items not in the traject's file now, newest first. */
    List<ItemRow> candidates(UUID coalition, UUID traject) {
        return sql().list(
                        ITEMS
                                + """
                SELECT i.kind, i.id, i.title, i.at FROM item i
                 WHERE NOT EXISTS (SELECT 1 FROM traject_case_entry e
                                    WHERE e.coalition_id = ? AND e.traject_id = ? AND e.kind = i.kind
                                      AND e.ref_id = i.id AND e.withdrawn_at IS NULL)
                 ORDER BY i.at DESC, i.kind, i.id""",
                        CaseFileRepository::item,
                        items(coalition, coalition, traject));
    }

    Optional<ItemRow> item(UUID coalition, CaseFile.Kind kind, UUID id) {
        return sql().one(
                        ITEMS + "SELECT i.kind, i.id, i.title, i.at FROM item i WHERE i.kind = ? AND i.id = ?",
                        CaseFileRepository::item,
                        items(coalition, kind.name(), id));
    }

    void insert(UUID coalition, UUID traject, UUID id, CaseFile.EntryRequest r, Instant at, String by) {
        sql().update(
                        """
                INSERT INTO traject_case_entry (coalition_id, id, traject_id, kind, ref_id, document_id, decision_id,
                                                meeting_id, report_id, classification, retention_years, added_at,
                                                added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalition,
                        id,
                        traject,
                        r.kind().name(),
                        r.refId(),
                        r.kind() == CaseFile.Kind.DOCUMENT ? r.refId() : null,
                        r.kind() == CaseFile.Kind.DECISION ? r.refId() : null,
                        r.kind() == CaseFile.Kind.MEETING ? r.refId() : null,
                        r.kind() == CaseFile.Kind.REPORT ? r.refId() : null,
                        r.classification().name(),
                        r.retentionYears(),
                        at,
                        by);
    }

    int withdraw(UUID coalition, UUID traject, UUID id, Instant at, String by) {
        return sql().update(
                        """
                UPDATE traject_case_entry SET withdrawn_at = ?, withdrawn_by = ?
                 WHERE coalition_id = ? AND traject_id = ? AND id = ? AND withdrawn_at IS NULL""",
                        at,
                        by,
                        coalition,
                        traject,
                        id);
    }

    Optional<DocumentRow> document(UUID coalition, UUID id) {
        return sql().one(
                        "SELECT filename, origin, pages, sha256, created_by, content FROM document"
                                + " WHERE coalition_id = ? AND id = ?",
                        rs -> new DocumentRow(
                                rs.getString("filename"),
                                rs.getString("origin"),
                                rs.getInt("pages"),
                                rs.getString("sha256"),
                                rs.getString("created_by"),
                                rs.getBytes("content")),
                        coalition,
                        id);
    }

    Optional<DecisionRow> decision(UUID coalition, UUID id) {
        return sql().one(
                        """
                SELECT dc.number, dc.decision_type, dc.text, dc.outcome, dc.decided_at, ai.title AS item_title,
                       m.title AS meeting_title, b.name AS body_name
                  FROM decision dc
                  JOIN agenda_item ai ON ai.coalition_id = dc.coalition_id AND ai.id = dc.agenda_item_id
                  JOIN meeting m ON m.coalition_id = dc.coalition_id AND m.id = dc.meeting_id
                  JOIN body b ON b.coalition_id = m.coalition_id AND b.id = m.body_id
                 WHERE dc.coalition_id = ? AND dc.id = ?""",
                        rs -> new DecisionRow(
                                rs.getInt("number"),
                                rs.getString("decision_type"),
                                rs.getString("text"),
                                rs.getString("outcome"),
                                Sql.instant(rs, "decided_at"),
                                rs.getString("item_title"),
                                rs.getString("meeting_title"),
                                rs.getString("body_name")),
                        coalition,
                        id);
    }

    Optional<MeetingRow> meeting(UUID coalition, UUID id) {
        return sql().one(
                        """
                SELECT m.title, b.name AS body_name, m.starts_at, m.ends_at, m.location, m.status,
                       mm.text AS minutes_text, mm.status AS minutes_status
                  FROM meeting m
                  JOIN body b ON b.coalition_id = m.coalition_id AND b.id = m.body_id
                  LEFT JOIN meeting_minutes mm ON mm.coalition_id = m.coalition_id AND mm.meeting_id = m.id
                 WHERE m.coalition_id = ? AND m.id = ?""",
                        rs -> new MeetingRow(
                                rs.getString("title"),
                                rs.getString("body_name"),
                                Sql.instant(rs, "starts_at"),
                                Sql.instant(rs, "ends_at"),
                                rs.getString("location"),
                                rs.getString("status"),
                                rs.getString("minutes_text"),
                                rs.getString("minutes_status")),
                        coalition,
                        id);
    }

    /** The titles of the meeting's agenda items in order. */
    List<String> agenda(UUID coalition, UUID meeting) {
        return sql().list(
                        "SELECT title, kind FROM agenda_item WHERE coalition_id = ? AND meeting_id = ? ORDER BY position",
                        rs -> rs.getString("title"),
                        coalition,
                        meeting);
    }

    /** The decisions taken in the meeting, each line "Besluit n: text (outcome)". */
    List<String> decisionsOf(UUID coalition, UUID meeting) {
        return sql().list(
                        "SELECT number, text, outcome FROM decision WHERE coalition_id = ? AND meeting_id = ? ORDER BY number",
                        rs -> "Besluit " + rs.getInt("number") + ": " + rs.getString("text")
                                + (rs.getString("outcome").equals("ADOPTED") ? " (aangenomen)" : " (verworpen)"),
                        coalition,
                        meeting);
    }

    Optional<byte[]> reportPdf(UUID coalition, UUID id) {
        return sql().one(
                        "SELECT pdf FROM verantwoordingspakket WHERE coalition_id = ? AND id = ? AND status = 'DONE'",
                        rs -> rs.getBytes("pdf"),
                        coalition,
                        id);
    }

    /** The parameters of a query on {@link #ITEMS}: the coalition for each of its four parts, then the rest. */
    private static Object[] items(UUID coalition, Object... rest) {
        Object[] params = new Object[4 + rest.length];
        java.util.Arrays.fill(params, 0, 4, coalition);
        System.arraycopy(rest, 0, params, 4, rest.length);
        return params;
    }

    private static EntryRow entry(ResultSet rs) throws SQLException {
        return new EntryRow(
                Sql.uuid(rs, "id"),
                new ItemRow(
                        CaseFile.Kind.valueOf(rs.getString("item_kind")),
                        Sql.uuid(rs, "ref_id"),
                        rs.getString("title"),
                        Sql.instant(rs, "at")),
                CaseFile.Classification.valueOf(rs.getString("classification")),
                (Integer) rs.getObject("retention_years"),
                Sql.instant(rs, "added_at"),
                rs.getString("added_by"));
    }

    private static ItemRow item(ResultSet rs) throws SQLException {
        return new ItemRow(
                CaseFile.Kind.valueOf(rs.getString("kind")),
                Sql.uuid(rs, "id"),
                rs.getString("title"),
                Sql.instant(rs, "at"));
    }
}
