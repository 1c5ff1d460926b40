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
            // One writer per coalition at a time: the chain must not fork.
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "audit:" + coalition);
                lock.execute();
            }
            long seq = 1;
            String prevHash = AuditChain.GENESIS;
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT seq, hash FROM audit_event WHERE coalition_id = ? ORDER BY seq DESC LIMIT 1")) {
                head.setObject(1, coalition.value());
                try (ResultSet rs = head.executeQuery()) {
                    if (rs.next()) {
                        seq = rs.getLong(1) + 1;
                        prevHash = rs.getString(2);
                    }
                }
            }
            Instant now = AuditChain.truncate(clock.instant());
            String id = String.valueOf(entityId);
            String beforeJson = CanonicalJson.of(before);
            String afterJson = CanonicalJson.of(after);
            String hash = AuditChain.hash(
                    coalition.value(), seq, now, actor, action, entityType, id, beforeJson, afterJson, prevHash);
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    INSERT INTO audit_event (coalition_id, seq, occurred_at, actor, action, entity_type,
                                             entity_id, before_state, after_state, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
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
            try (PreparedStatement head = connection.prepareStatement(
                    """
                    INSERT INTO audit_head (coalition_id, seq, hash) VALUES (?, ?, ?)
                    ON CONFLICT (coalition_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash""")) {
                head.setObject(1, coalition.value());
                head.setLong(2, seq);
                head.setString(3, hash);
                head.executeUpdate();
            }
            return new AuditRecord(
                    coalition.value(), seq, now, actor, action, entityType, id, beforeJson, afterJson, prevHash, hash);
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the audit chain", e);
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
