package nl.samenspel.core.tenancy;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * Runs work in a transaction bound to one coalition, the second wall behind the explicit
 * {@code coalition_id} in every query: row-level security policies compare each row with the
 * transaction-local setting {@code samenspel.coalition_id}.
 *
 * <p>The setting is bound with {@code SET LOCAL}, so it ends with the transaction and never travels
 * with a pooled connection to its next borrower. It is a statement rather than {@code set_config(...,
 * true)} because Citus passes a {@code SET LOCAL} on to the nodes holding the shards (with
 * {@code citus.propagate_set_commands = local}), where the policies are evaluated again; a function
 * call it does not. {@code SET} takes no bind parameter: the value is a UUID's own text, which holds
 * only hex digits and hyphens.
 */
@Singleton
public class TenantTransactions {

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
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL samenspel.coalition_id = '" + coalition.value() + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not bind the coalition to the transaction", e);
        }
    }
}
