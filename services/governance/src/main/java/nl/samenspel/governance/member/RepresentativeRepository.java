package nl.samenspel.governance.member;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;

/** Plain SQL on representative (a tenant table) inside the caller's coalition-bound transaction. */
@Singleton
public class RepresentativeRepository {

    /** PostgreSQL's exclusion_violation: the account already acts for a member in that period. */
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final TransactionOperations<Connection> transactions;

    RepresentativeRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public record Listed(Representative representative, String email, String displayName) {}

    /** Throws a 409 {@code representative.overlap} when the account already represents a member then. */
    public Representative insert(Representative r) {
        try (PreparedStatement ps = connection()
                .prepareStatement(
                        """
                        INSERT INTO representative (coalition_id, id, member_id, account_id, may_vote, may_sign,
                                                    signs_jointly, valid_from, valid_until)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, r.coalitionId());
            ps.setObject(2, r.id());
            ps.setObject(3, r.memberId());
            ps.setObject(4, r.accountId());
            ps.setBoolean(5, r.mayVote());
            ps.setBoolean(6, r.maySign());
            ps.setBoolean(7, r.signsJointly());
            ps.setDate(8, Date.valueOf(r.validFrom()));
            ps.setDate(9, r.validUntil() == null ? null : Date.valueOf(r.validUntil()));
            ps.executeUpdate();
            return r;
        } catch (SQLException e) {
            if (EXCLUSION_VIOLATION.equals(e.getSQLState())) {
                throw ProblemException.conflict(
                        "representative.overlap",
                        "This person already represents a member of this coalition in that period.");
            }
            throw new IllegalStateException("could not store the representative", e);
        }
    }

    /** Whether the account acts on that day for some member of the coalition that is a member then. */
    public boolean existsCurrentByCoalitionIdAndAccountId(UUID coalitionId, UUID accountId, java.time.LocalDate day) {
        try (PreparedStatement ps = connection()
                .prepareStatement(
                        """
                        SELECT 1 FROM representative r
                          JOIN member m ON m.coalition_id = r.coalition_id AND m.id = r.member_id
                         WHERE r.coalition_id = ? AND r.account_id = ? AND r.valid_from <= ?
                           AND (r.valid_until IS NULL OR r.valid_until > ?)
                           AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)""")) {
            ps.setObject(1, coalitionId);
            ps.setObject(2, accountId);
            for (int i = 3; i <= 6; i++) {
                ps.setDate(i, Date.valueOf(day));
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read mandates", e);
        }
    }

    public List<Listed> findByCoalitionIdAndMemberId(UUID coalitionId, UUID memberId) {
        try (PreparedStatement ps = connection()
                .prepareStatement(
                        """
                        SELECT r.*, a.email, a.display_name
                          FROM representative r JOIN account a ON a.id = r.account_id
                         WHERE r.coalition_id = ? AND r.member_id = ?
                         ORDER BY r.valid_from DESC, a.display_name, r.id""")) {
            ps.setObject(1, coalitionId);
            ps.setObject(2, memberId);
            List<Listed> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Listed(map(rs), rs.getString("email"), rs.getString("display_name")));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read representatives", e);
        }
    }

    public Optional<Representative> findByCoalitionIdAndMemberIdAndId(UUID coalitionId, UUID memberId, UUID id) {
        try (PreparedStatement ps = connection()
                .prepareStatement(
                        "SELECT * FROM representative WHERE coalition_id = ? AND member_id = ? AND id = ? FOR UPDATE")) {
            ps.setObject(1, coalitionId);
            ps.setObject(2, memberId);
            ps.setObject(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the representative", e);
        }
    }

    /** Ends a mandate if it is still open and unchanged; 0 rows otherwise. */
    int end(UUID coalitionId, UUID id, LocalDate validUntil, int version) {
        try (PreparedStatement ps = connection()
                .prepareStatement(
                        """
                        UPDATE representative SET valid_until = ?, version = version + 1
                         WHERE coalition_id = ? AND id = ? AND version = ? AND valid_until IS NULL""")) {
            ps.setDate(1, Date.valueOf(validUntil));
            ps.setObject(2, coalitionId);
            ps.setObject(3, id);
            ps.setInt(4, version);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the representative", e);
        }
    }

    /**
     * Ends, on the day a member leaves, every mandate of that member still running then; returns the
     * mandates as they were, for the audit trail. A mandate that would only start later cannot end
     * before it starts and is left to the check that the member is current.
     */
    public List<Representative> endAllOfMember(UUID coalitionId, UUID memberId, java.time.LocalDate leftOn) {
        try (PreparedStatement ps = connection()
                .prepareStatement(
                        """
                        UPDATE representative r SET valid_until = ?, version = r.version + 1
                          FROM representative before
                         WHERE r.coalition_id = ? AND r.member_id = ?
                           AND before.coalition_id = r.coalition_id AND before.id = r.id
                           AND r.valid_from < ? AND (r.valid_until IS NULL OR r.valid_until > ?)
                        RETURNING before.*""")) {
            ps.setDate(1, Date.valueOf(leftOn));
            ps.setObject(2, coalitionId);
            ps.setObject(3, memberId);
            ps.setDate(4, Date.valueOf(leftOn));
            ps.setDate(5, Date.valueOf(leftOn));
            List<Representative> ended = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ended.add(map(rs));
                }
            }
            return ended;
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the mandates", e);
        }
    }

    private Connection connection() {
        return transactions.getConnection();
    }

    private static Representative map(ResultSet rs) throws SQLException {
        Date until = rs.getDate("valid_until");
        return new Representative(
                rs.getObject("coalition_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getObject("member_id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getBoolean("may_vote"),
                rs.getBoolean("may_sign"),
                rs.getBoolean("signs_jointly"),
                rs.getDate("valid_from").toLocalDate(),
                until == null ? null : until.toLocalDate(),
                rs.getInt("version"));
    }
}
