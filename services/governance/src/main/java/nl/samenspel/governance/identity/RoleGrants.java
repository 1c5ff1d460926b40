package nl.samenspel.governance.identity;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Who holds which roles in which coalition (a platform table, read by the tenancy binder). */
@Singleton
public class RoleGrants {

    private final TransactionOperations<Connection> transactions;

    public RoleGrants(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Membership(UUID coalitionId, String slug, String name, Set<CoalitionRole> roles) {}

    public Set<CoalitionRole> rolesOf(UUID accountId, UUID coalitionId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT role FROM coalition_role WHERE account_id = ? AND coalition_id = ?")) {
                ps.setObject(1, accountId);
                ps.setObject(2, coalitionId);
                Set<CoalitionRole> roles = EnumSet.noneOf(CoalitionRole.class);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        roles.add(CoalitionRole.valueOf(rs.getString(1)));
                    }
                }
                return roles;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The coalitions an account works in, by name, with its roles in each. */
    public List<Membership> coalitionsOf(UUID accountId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement(
                            """
                            SELECT c.id, c.slug, c.name, r.role
                              FROM coalition_role r JOIN coalition c ON c.id = r.coalition_id
                             WHERE r.account_id = ?
                             ORDER BY c.name, c.id""")) {
                ps.setObject(1, accountId);
                Map<UUID, Membership> result = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        result.computeIfAbsent(id, k -> {
                                    try {
                                        return new Membership(
                                                k,
                                                rs.getString(2),
                                                rs.getString(3),
                                                EnumSet.noneOf(CoalitionRole.class));
                                    } catch (SQLException e) {
                                        throw new IllegalStateException(e);
                                    }
                                })
                                .roles()
                                .add(CoalitionRole.valueOf(rs.getString(4)));
                    }
                }
                return new ArrayList<>(result.values());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Grants a role within the caller's transaction; granting twice is harmless. */
    public boolean grant(UUID coalitionId, UUID accountId, CoalitionRole role) {
        try (PreparedStatement ps = transactions
                .getConnection()
                .prepareStatement(
                        "INSERT INTO coalition_role (coalition_id, account_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, coalitionId);
            ps.setObject(2, accountId);
            ps.setString(3, role.name());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the account acts as a municipality officer anywhere (may then found new coalitions). */
    public boolean isOpdrachtgeverAnywhere(UUID accountId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement(
                            "SELECT 1 FROM coalition_role WHERE account_id = ? AND role = 'OPDRACHTGEVER' LIMIT 1")) {
                ps.setObject(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
