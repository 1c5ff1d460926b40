package nl.samenspel.governance.identity;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;

/** Accounts that come into being by accepting an invitation (the account table stays identity's). */
@Singleton
public class InvitedAccounts {

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    InvitedAccounts(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The account for the invited address, created if needed. An existing password is never replaced:
     * accepting proves control of the mailbox, not knowledge of that password. Runs in the caller's
     * transaction and locks the account row until it ends.
     */
    public UUID ensure(String email, String displayName, String passwordHash) {
        Connection connection = transactions.getConnection();
        try {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO account (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (email) DO NOTHING")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, email);
                insert.setString(3, displayName);
                insert.setString(4, passwordHash);
                insert.setTimestamp(5, java.sql.Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
            UUID id;
            String stored;
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT id, password_hash FROM account WHERE email = ? FOR UPDATE")) {
                select.setString(1, email);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    id = rs.getObject(1, UUID.class);
                    stored = rs.getString(2);
                }
            }
            if (stored == null) {
                if (passwordHash == null) {
                    // The account lost its password between our check and this transaction: ask for one.
                    throw ProblemException.invalidField("password", "required", "choose a password");
                }
                try (PreparedStatement update =
                        connection.prepareStatement("UPDATE account SET password_hash = ?, version = version + 1"
                                + " WHERE id = ? AND password_hash IS NULL")) {
                    update.setString(1, passwordHash);
                    update.setObject(2, id);
                    update.executeUpdate();
                }
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the account", e);
        }
    }
}
