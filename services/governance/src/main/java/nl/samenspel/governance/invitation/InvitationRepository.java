package nl.samenspel.governance.invitation;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL on the invitation platform table, inside the caller's transaction. It has no row-level
 * security, so every coalition-scoped query names coalition_id itself.
 */
@Singleton
class InvitationRepository {

    private static final String COLUMNS =
            "id, coalition_id, member_id, email, display_name, may_vote, may_sign, signs_jointly, invited_by, created_at,"
                    + " expires_at, accepted_at, accepted_account_id";

    private final TransactionOperations<Connection> transactions;

    InvitationRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void insert(Invitation invitation, String tokenHash) {
        try (PreparedStatement ps = connection()
                .prepareStatement("INSERT INTO invitation (" + COLUMNS + ", token_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, invitation.id());
            ps.setObject(2, invitation.coalitionId());
            ps.setObject(3, invitation.memberId());
            ps.setString(4, invitation.email());
            ps.setString(5, invitation.displayName());
            ps.setBoolean(6, invitation.mayVote());
            ps.setBoolean(7, invitation.maySign());
            ps.setBoolean(8, invitation.signsJointly());
            ps.setObject(9, invitation.invitedBy());
            ps.setTimestamp(10, Timestamp.from(invitation.createdAt()));
            ps.setTimestamp(11, Timestamp.from(invitation.expiresAt()));
            ps.setTimestamp(12, null);
            ps.setObject(13, null);
            ps.setString(14, tokenHash);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the invitation", e);
        }
    }

    List<Invitation> findByCoalitionIdAndMemberId(UUID coalitionId, UUID memberId) {
        try (PreparedStatement ps = connection()
                .prepareStatement("SELECT " + COLUMNS + " FROM invitation WHERE coalition_id = ? AND member_id = ?"
                        + " ORDER BY created_at DESC, id")) {
            ps.setObject(1, coalitionId);
            ps.setObject(2, memberId);
            List<Invitation> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read invitations", e);
        }
    }

    /**
     * The invitation a token opens, read before any coalition is known. Token hashes are unique per
     * coalition (the key a table distributed by coalition_id can enforce); across coalitions only 256
     * random bits keep them apart, so a hash found in more than one opens none.
     */
    Optional<Invitation> findByTokenHash(String tokenHash) {
        try (PreparedStatement ps =
                connection().prepareStatement("SELECT " + COLUMNS + " FROM invitation WHERE token_hash = ? LIMIT 2")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Invitation found = map(rs);
                return rs.next() ? Optional.empty() : Optional.of(found);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the invitation", e);
        }
    }

    /** Locks the invitation; naming the coalition keeps the lock on one shard when distributed (Citus). */
    Optional<Invitation> findForUpdate(UUID coalitionId, String tokenHash) {
        try (PreparedStatement ps = connection()
                .prepareStatement("SELECT " + COLUMNS + " FROM invitation WHERE coalition_id = ? AND token_hash = ?"
                        + " FOR UPDATE")) {
            ps.setObject(1, coalitionId);
            ps.setString(2, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the invitation", e);
        }
    }

    /** 0 when someone else accepted it first. */
    int markAccepted(UUID coalitionId, UUID id, Instant at, UUID accountId) {
        try (PreparedStatement ps = connection()
                .prepareStatement("UPDATE invitation SET accepted_at = ?, accepted_account_id = ?"
                        + " WHERE coalition_id = ? AND id = ? AND accepted_at IS NULL AND expires_at > ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, accountId);
            ps.setObject(3, coalitionId);
            ps.setObject(4, id);
            ps.setTimestamp(5, Timestamp.from(at));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark the invitation accepted", e);
        }
    }

    private Connection connection() {
        return transactions.getConnection();
    }

    private static Invitation map(ResultSet rs) throws SQLException {
        Timestamp accepted = rs.getTimestamp("accepted_at");
        return new Invitation(
                rs.getObject("id", UUID.class),
                rs.getObject("coalition_id", UUID.class),
                rs.getObject("member_id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getBoolean("may_vote"),
                rs.getBoolean("may_sign"),
                rs.getBoolean("signs_jointly"),
                rs.getObject("invited_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                accepted == null ? null : accepted.toInstant(),
                rs.getObject("accepted_account_id", UUID.class));
    }
}
