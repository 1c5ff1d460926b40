package nl.samenspel.core.audit;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;

/**
 * Appends to and reads a coalition's audit chain inside the caller's tenant transaction, so an event
 * is written if and only if the change it describes is committed.
 */
@Singleton
public class AuditLog {

    private final TenantTransactions transactions;
    private final Clock clock;

    public AuditLog(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public AuditRecord append(
            CoalitionId coalition,
            String actor,
            String action,
            String entityType,
            Object entityId,
            Map<String, ?> before,
            Map<String, ?> after) {
        Connection connection = transactions.connection();
        try {
            // One writer per coalition at a time, or the chain would fork. The lock is the coalition's
            // head row, read in the same statement that locks it; it is held until commit, so the work
            // under it is kept to that statement, one insert-and-advance statement, and the commit.
            Head head = lockHead(connection, coalition);
            boolean first = head == null;
            if (first) {
                // No event yet: no row to lock. Writers of a first event queue on an advisory lock and
                // look again, since the one before them may have written the row meanwhile.
                try (PreparedStatement lock =
                        connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                    lock.setString(1, "audit:" + coalition);
                    lock.execute();
                }
                head = lockHead(connection, coalition);
                first = head == null;
            }
            long seq = first ? 1 : head.seq() + 1;
            String prevHash = first ? AuditChain.GENESIS : head.hash();
            Instant now = AuditChain.truncate(clock.instant());
            String id = String.valueOf(entityId);
            String beforeJson = CanonicalJson.of(before);
            String afterJson = CanonicalJson.of(after);
            String hash = AuditChain.hash(
                    coalition.value(), seq, now, actor, action, entityType, id, beforeJson, afterJson, prevHash);
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    WITH event AS (
                      INSERT INTO audit_event (coalition_id, seq, occurred_at, actor, action, entity_type,
                                               entity_id, before_state, after_state, prev_hash, hash)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                      RETURNING coalition_id, seq, hash)
                    INSERT INTO audit_head (coalition_id, seq, hash) SELECT coalition_id, seq, hash FROM event
                    ON CONFLICT (coalition_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash""")) {
                insert.setObject(1, coalition.value());
                insert.setLong(2, seq);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setString(4, actor);
                insert.setString(5, action);
                insert.setString(6, entityType);
                insert.setString(7, id);
                insert.setString(8, beforeJson);
                insert.setString(9, afterJson);
                insert.setString(10, prevHash);
                insert.setString(11, hash);
                insert.executeUpdate();
            }
            return new AuditRecord(
                    coalition.value(), seq, now, actor, action, entityType, id, beforeJson, afterJson, prevHash, hash);
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the audit chain", e);
        }
    }

    private record Head(long seq, String hash) {}

    /** The coalition's recorded head, locked until the transaction ends; null before its first event. */
    private static Head lockHead(Connection connection, CoalitionId coalition) throws SQLException {
        try (PreparedStatement head =
                connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE coalition_id = ? FOR UPDATE")) {
            head.setObject(1, coalition.value());
            try (ResultSet rs = head.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    /** Events with seq greater than {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<AuditRecord> page(CoalitionId coalition, long afterSeq, int limit) {
        return query(
                coalition,
                "SELECT * FROM audit_event WHERE coalition_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                afterSeq,
                limit);
    }

    /** Newest first, for people reading the trail. */
    public List<AuditRecord> latest(CoalitionId coalition, long beforeSeq, int limit) {
        return query(
                coalition,
                "SELECT * FROM audit_event WHERE coalition_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                beforeSeq,
                limit);
    }

    public Verification verify(CoalitionId coalition) {
        List<AuditRecord> events = query(
                coalition,
                "SELECT * FROM audit_event WHERE coalition_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                0,
                Integer.MAX_VALUE);
        long headSeq = 0;
        String headHash = null;
        try (PreparedStatement ps =
                transactions.connection().prepareStatement("SELECT seq, hash FROM audit_head WHERE coalition_id = ?")) {
            ps.setObject(1, coalition.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    headSeq = rs.getLong(1);
                    headHash = rs.getString(2);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit head", e);
        }
        return AuditChain.verify(events, headSeq, headHash);
    }

    private List<AuditRecord> query(CoalitionId coalition, String sql, long seq, int limit) {
        Connection connection = transactions.connection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, coalition.value());
            statement.setLong(2, seq);
            statement.setInt(3, limit);
            statement.setFetchSize(500);
            List<AuditRecord> events = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    events.add(new AuditRecord(
                            rs.getObject("coalition_id", java.util.UUID.class),
                            rs.getLong("seq"),
                            rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("entity_type"),
                            rs.getString("entity_id"),
                            rs.getString("before_state"),
                            rs.getString("after_state"),
                            rs.getString("prev_hash"),
                            rs.getString("hash")));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
    }
}
