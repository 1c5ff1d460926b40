package nl.samenspel.core.tenancy;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs work in a transaction bound to one coalition, the second wall behind the explicit
 * {@code coalition_id} in every query: row-level security policies compare each row with the
 * transaction-local setting {@code samenspel.coalition_id}.
 *
 * <p>The setting is bound with {@code set_config(..., true)}, so it ends with the transaction and
 * never travels with a pooled connection to its next borrower.
 */
@Singleton
public class TenantTransactions {

    static final String BIND_SQL = "SELECT set_config('samenspel.coalition_id', ?, true)";

    private final TransactionOperations<Connection> transactions;

    public TenantTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public <T> T write(CoalitionId coalition, Supplier<T> work) {
        return transactions.executeWrite(status -> {
            bind(status.getConnection(), coalition);
            return work.get();
        });
    }

    public void run(CoalitionId coalition, Runnable work) {
        write(coalition, () -> {
            work.run();
            return null;
        });
    }

    public <T> T read(CoalitionId coalition, Supplier<T> work) {
        return transactions.executeRead(status -> {
            bind(status.getConnection(), coalition);
            return work.get();
        });
    }

    /** The connection of the current transaction, for code that writes plain SQL inside one. */
    public Connection connection() {
        return transactions.getConnection();
    }

    public static void bind(Connection connection, CoalitionId coalition) {
        try (PreparedStatement statement = connection.prepareStatement(BIND_SQL)) {
            statement.setString(1, coalition.value().toString());
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not bind the coalition to the transaction", e);
        }
    }
}
