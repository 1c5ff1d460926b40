package nl.samenspel.governance.publication;

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

/** Plain SQL on publications and staff grants, in the caller's coalition-bound transaction. */
@Singleton
class PublicationRepository {

    private static final String PUBLICATION =
            """
            SELECT p.*, t.title AS traject_title, d.filename AS document_filename FROM publication p
              LEFT JOIN traject t ON t.coalition_id = p.coalition_id AND t.id = p.traject_id
              LEFT JOIN document d ON d.coalition_id = p.coalition_id AND d.id = p.document_id""";

    private final TransactionOperations<Connection> transactions;

    PublicationRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    private Sql sql() {
        return Sql.on(transactions.getConnection());
    }

    void insert(UUID coalition, UUID id, Publication.Request r, Instant at, String by) {
        sql().update(
                        """
                INSERT INTO publication (coalition_id, id, kind, title, body, traject_id, document_id, published_at, published_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalition,
                        id,
                        r.kind().name(),
                        r.title().strip(),
                        r.body() == null ? "" : r.body().strip(),
                        r.trajectId(),
                        r.documentId(),
                        at,
                        by);
    }

    /** Newest first; withdrawn ones only when asked for. */
    List<Publication> publications(UUID coalition, boolean withWithdrawn) {
        return sql().list(
                        PUBLICATION + " WHERE p.coalition_id = ?"
                                + (withWithdrawn ? "" : " AND p.withdrawn_at IS NULL")
                                + " ORDER BY p.published_at DESC, p.id",
                        PublicationRepository::publication,
                        coalition);
    }

    Optional<Publication> publication(UUID coalition, UUID id) {
        return sql().one(
                        PUBLICATION + " WHERE p.coalition_id = ? AND p.id = ?",
                        PublicationRepository::publication,
                        coalition,
                        id);
    }

    int withdraw(UUID coalition, UUID id, Instant at, String by) {
        return sql().update(
                        """
                UPDATE publication SET withdrawn_at = ?, withdrawn_by = ?
                 WHERE coalition_id = ? AND id = ? AND withdrawn_at IS NULL""",
                        at,
                        by,
                        coalition,
                        id);
    }

    boolean trajectExists(UUID coalition, UUID id) {
        return sql().one("SELECT 1 FROM traject WHERE coalition_id = ? AND id = ?", rs -> 1, coalition, id)
                .isPresent();
    }

    boolean documentExists(UUID coalition, UUID id) {
        return sql().one("SELECT 1 FROM document WHERE coalition_id = ? AND id = ?", rs -> 1, coalition, id)
                .isPresent();
    }

    void grantStaff(UUID coalition, UUID account, UUID member, Instant at, String by) {
        sql().update(
                        """
                INSERT INTO staff_grant (coalition_id, account_id, member_id, granted_at, granted_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (coalition_id, account_id)
                DO UPDATE SET member_id = EXCLUDED.member_id, granted_at = EXCLUDED.granted_at, granted_by = EXCLUDED.granted_by""",
                        coalition,
                        account,
                        member,
                        at,
                        by);
    }

    Optional<UUID> staffMember(UUID coalition, UUID account) {
        return sql().one(
                        "SELECT member_id FROM staff_grant WHERE coalition_id = ? AND account_id = ?",
                        rs -> Sql.uuid(rs, "member_id"),
                        coalition,
                        account);
    }

    void removeStaff(UUID coalition, UUID account) {
        sql().update("DELETE FROM staff_grant WHERE coalition_id = ? AND account_id = ?", coalition, account);
    }

    /** The staff a member (or, with null, every member) granted, with their current STAFF role. */
    List<Staff> staff(UUID coalition, UUID member) {
        return sql().list(
                        """
                SELECT g.account_id, a.email, a.display_name, g.member_id, m.name AS member_name, g.granted_at
                  FROM staff_grant g
                  JOIN account a ON a.id = g.account_id
                  JOIN member m ON m.coalition_id = g.coalition_id AND m.id = g.member_id
                  JOIN coalition_role r ON r.coalition_id = g.coalition_id AND r.account_id = g.account_id
                                       AND r.role = 'STAFF'
                 WHERE g.coalition_id = ? AND (?::uuid IS NULL OR g.member_id = ?)
                 ORDER BY m.name, a.display_name, a.email""",
                        rs -> new Staff(
                                Sql.uuid(rs, "account_id"),
                                rs.getString("email"),
                                rs.getString("display_name"),
                                Sql.uuid(rs, "member_id"),
                                rs.getString("member_name"),
                                Sql.instant(rs, "granted_at")),
                        coalition,
                        member,
                        member);
    }

    /** Whether the account acts for this member today: a running mandate for a current member. */
    boolean represents(UUID coalition, UUID account, UUID member, LocalDate day) {
        return sql().one(
                        """
                SELECT 1 FROM representative r
                  JOIN member m ON m.coalition_id = r.coalition_id AND m.id = r.member_id
                 WHERE r.coalition_id = ? AND r.account_id = ? AND r.member_id = ? AND r.valid_from <= ?
                   AND (r.valid_until IS NULL OR r.valid_until > ?)
                   AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)""",
                        rs -> 1,
                        coalition,
                        account,
                        member,
                        day,
                        day,
                        day,
                        day)
                .isPresent();
    }

    boolean memberExists(UUID coalition, UUID id) {
        return sql().one("SELECT 1 FROM member WHERE coalition_id = ? AND id = ?", rs -> 1, coalition, id)
                .isPresent();
    }

    private static Publication publication(ResultSet rs) throws SQLException {
        return new Publication(
                Sql.uuid(rs, "id"),
                Publication.Kind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("body"),
                Sql.uuid(rs, "traject_id"),
                rs.getString("traject_title"),
                Sql.uuid(rs, "document_id"),
                rs.getString("document_filename"),
                Sql.instant(rs, "published_at"),
                rs.getString("published_by"),
                Sql.instant(rs, "withdrawn_at"));
    }
}
