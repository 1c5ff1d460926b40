package nl.samenspel.governance.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import nl.samenspel.core.tenancy.CoalitionId;

/**
 * Queues e-mail in the caller's transaction: the change that causes an e-mail and the e-mail itself
 * commit together or not at all. {@link OutboxDispatcher} sends it afterwards.
 */
@Singleton
public class MailOutbox {

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public MailOutbox(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Must run inside a transaction; returns the outbox row's id. */
    public UUID enqueue(
            @Nullable CoalitionId coalition,
            String recipient,
            String subject,
            String bodyText,
            @Nullable String bodyHtml,
            @Nullable String ical) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement ps = transactions
                .getConnection()
                .prepareStatement(
                        """
                        INSERT INTO outbox_email (id, coalition_id, recipient, subject, body_text, body_html, ical,
                                                  created_at, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, id);
            ps.setObject(2, coalition == null ? null : coalition.value());
            ps.setString(3, recipient);
            ps.setString(4, subject);
            ps.setString(5, bodyText);
            ps.setString(6, bodyHtml);
            ps.setString(7, ical);
            ps.setTimestamp(8, now);
            ps.setTimestamp(9, now);
            ps.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue an e-mail", e);
        }
    }
}
