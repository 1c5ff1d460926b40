package nl.samenspel.governance.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionStatus;
import nl.samenspel.governance.coalition.LegalForm;

/** Who holds which roles in which coalition (a platform table, read by the tenancy binder). */
@Singleton
public class RoleGrants {

    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    public RoleGrants(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections) {
        this.transactions = transactions;
        this.connections = connections;
    }

    /** A coalition from the directory with the roles one account is granted in it (maybe none). */
    public record CoalitionGrants(Coalition coalition, Set<CoalitionRole> roles) {}

    /**
     * The coalition at {@code slug} and the account's current grants in it, in one statement on a
     * connection of its own (or the caller's transaction's): what every request to a coalition's address
     * needs first. Empty when no coalition has that slug. With a {@code session} whose check was
     * postponed ({@link SessionCheckPostponement}), that is checked in the same statement: 401 when it
     * has ended, whether or not the coalition exists.
     */
    public Optional<CoalitionGrants> coalitionBySlugWithRolesOf(
            String slug, UUID accountId, @Nullable LoginService.SessionCheck session) {
        String live = session == null
                ? "SELECT true AS live"
                : "SELECT EXISTS (SELECT 1 FROM login_session WHERE id = ? AND revoked_at IS NULL AND expires_at > ?) AS live";
        return connections.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement(
                            """
                            SELECT s.live, c.id, c.slug, c.name, c.legal_form, c.kvk_number, c.opdrachtgever, c.status,
                                   c.created_at, c.version, r.role
                              FROM ("""
                                    + live
                                    + """
                            ) s
                              LEFT JOIN coalition c ON c.slug = ?
                              LEFT JOIN coalition_role r ON r.coalition_id = c.id AND r.account_id = ? AND """
                                    + CURRENT)) {
                int p = 1;
                if (session != null) {
                    ps.setObject(p++, session.sessionId());
                    ps.setObject(p++, OffsetDateTime.ofInstant(session.at(), ZoneOffset.UTC));
                }
                ps.setString(p++, slug);
                ps.setObject(p, accountId);
                Coalition coalition = null;
                Set<CoalitionRole> roles = EnumSet.noneOf(CoalitionRole.class);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!rs.getBoolean(1)) {
                            throw LoginService.sessionEnded();
                        }
                        if (rs.getObject(2) == null) {
                            break;
                        }
                        if (coalition == null) {
                            coalition = new Coalition(
                                    rs.getObject(2, UUID.class),
                                    rs.getString(3),
                                    rs.getString(4),
                                    LegalForm.valueOf(rs.getString(5)),
                                    rs.getString(6),
                                    rs.getString(7),
                                    CoalitionStatus.valueOf(rs.getString(8)),
                                    rs.getObject(9, OffsetDateTime.class).toInstant(),
                                    rs.getInt(10));
                        }
                        String role = rs.getString(11);
                        if (role != null) {
                            roles.add(CoalitionRole.valueOf(role));
                        }
                    }
                }
                return Optional.ofNullable(coalition).map(c -> new CoalitionGrants(c, roles));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Membership(UUID coalitionId, String slug, String name, Set<CoalitionRole> roles) {

        /** Staff reads only the publications: where its links lead. */
        public boolean staffOnly() {
            return roles.equals(Set.of(CoalitionRole.STAFF));
        }
    }

    /** A grant counts up to and including its last day, a day on the Dutch calendar. */
    static final String CURRENT =
            "(r.valid_until IS NULL OR r.valid_until >= (now() AT TIME ZONE 'Europe/Amsterdam')::date)";

    public Set<CoalitionRole> rolesOf(UUID accountId, UUID coalitionId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT role FROM coalition_role r WHERE account_id = ? AND coalition_id = ? AND "
                            + CURRENT)) {
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
                             WHERE r.account_id = ? AND """
                                    + CURRENT + """
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
                            "SELECT 1 FROM coalition_role r WHERE account_id = ? AND role = 'OPDRACHTGEVER' AND "
                                    + CURRENT + " LIMIT 1")) {
                ps.setObject(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A grant as the coalition's role list shows it. */
    @io.micronaut.serde.annotation.Serdeable
    public record Grant(
            UUID accountId,
            String email,
            String displayName,
            CoalitionRole role,
            @io.micronaut.core.annotation.Nullable java.time.LocalDate validUntil) {}

    /** Every grant of the coalition, current ones only, by person. */
    public List<Grant> grantsOf(UUID coalitionId) {
        try (PreparedStatement ps = transactions
                .getConnection()
                .prepareStatement(
                        """
                        SELECT a.id, a.email, a.display_name, r.role, r.valid_until
                          FROM coalition_role r JOIN account a ON a.id = r.account_id
                         WHERE r.coalition_id = ? AND """
                                + CURRENT + """
                         ORDER BY a.display_name, a.email, r.role""")) {
            ps.setObject(1, coalitionId);
            List<Grant> grants = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Date until = rs.getDate(5);
                    grants.add(new Grant(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            CoalitionRole.valueOf(rs.getString(4)),
                            until == null ? null : until.toLocalDate()));
                }
            }
            return grants;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Grants or re-grants a role until a day (null: until revoked), in the caller's transaction. */
    public void grantUntil(UUID coalitionId, UUID accountId, CoalitionRole role, java.time.LocalDate validUntil) {
        try (PreparedStatement ps = transactions
                .getConnection()
                .prepareStatement(
                        """
                        INSERT INTO coalition_role (coalition_id, account_id, role, valid_until) VALUES (?, ?, ?, ?)
                        ON CONFLICT (coalition_id, account_id, role) DO UPDATE SET valid_until = EXCLUDED.valid_until""")) {
            ps.setObject(1, coalitionId);
            ps.setObject(2, accountId);
            ps.setString(3, role.name());
            ps.setDate(4, validUntil == null ? null : java.sql.Date.valueOf(validUntil));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a grant in the caller's transaction; false when there was none. */
    public boolean revoke(UUID coalitionId, UUID accountId, CoalitionRole role) {
        try (PreparedStatement ps = transactions
                .getConnection()
                .prepareStatement(
                        "DELETE FROM coalition_role WHERE coalition_id = ? AND account_id = ? AND role = ?")) {
            ps.setObject(1, coalitionId);
            ps.setObject(2, accountId);
            ps.setString(3, role.name());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the subsidy years an accountant may see, in the caller's coalition-bound transaction. */
    public void setAccountantYears(UUID coalitionId, UUID accountId, java.util.List<Integer> years) {
        nl.samenspel.core.db.Sql sql = nl.samenspel.core.db.Sql.on(transactions.getConnection());
        sql.update("DELETE FROM accountant_year WHERE coalition_id = ? AND account_id = ?", coalitionId, accountId);
        for (Integer year : years) {
            sql.update(
                    "INSERT INTO accountant_year (coalition_id, account_id, year) VALUES (?, ?, ?)",
                    coalitionId,
                    accountId,
                    year);
        }
    }

    /** The subsidy years an accountant was granted, in the caller's coalition-bound transaction. */
    public Set<Integer> accountantYears(UUID coalitionId, UUID accountId) {
        return new java.util.TreeSet<>(nl.samenspel.core.db.Sql.on(transactions.getConnection())
                .list(
                        "SELECT year FROM accountant_year WHERE coalition_id = ? AND account_id = ?",
                        rs -> rs.getInt("year"),
                        coalitionId,
                        accountId));
    }
}
