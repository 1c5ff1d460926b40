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
        Instant now = AuditChain.truncate(clock.instant());
        String id = String.valueOf(entityId);
        String beforeJson = CanonicalJson.of(before);
        String afterJson = CanonicalJson.of(after);
        // One writer per coalition at a time, or the chain would fork: audit_append (V026) locks the
        // coalition's head row, which is held until commit. Everything that can be done before is done
        // here; the database adds the sequence number and the previous hash under the lock.
        try (PreparedStatement append = transactions
                .connection()
                .prepareStatement("SELECT seq, prev_hash, hash FROM audit_append(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            append.setObject(1, coalition.value());
            append.setTimestamp(2, Timestamp.from(now));
            append.setString(3, actor);
            append.setString(4, action);
            append.setString(5, entityType);
            append.setString(6, id);
            append.setString(7, beforeJson);
            append.setString(8, afterJson);
            append.setBytes(9, AuditChain.prefixed(coalition.value().toString()));
            append.setBytes(
                    10, AuditChain.prefixed(now.toString(), actor, action, entityType, id, beforeJson, afterJson));
            try (ResultSet rs = append.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("audit_append returned no event");
                }
                return new AuditRecord(
                        coalition.value(),
                        rs.getLong(1),
                        now,
                        actor,
                        action,
                        entityType,
                        id,
                        beforeJson,
                        afterJson,
                        rs.getString(2),
                        rs.getString(3));
            }
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
