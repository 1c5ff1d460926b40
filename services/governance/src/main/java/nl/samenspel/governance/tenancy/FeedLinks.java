package nl.samenspel.governance.tenancy;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.security.SecretTokens;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.identity.AccountRepository;
import nl.samenspel.governance.identity.CurrentAccount;

/**
 * Personal secret links to a coalition's feeds (the iCal calendar, the Atom publications), for readers
 * that cannot log in. Only the token's hash is kept; a new link revokes the caller's earlier one; a
 * link carries its account's access, so it stops working when the account loses its roles.
 */
@Singleton
public class FeedLinks {

    /** The platform table of each feed's links, and the audit action of a new link. */
    public enum Feed {
        CALENDAR("calendar_feed", "calendar.link-created", "calendar-link"),
        PUBLICATIONS("publication_feed", "publication.feed-link-created", "publication-feed");

        final String table;
        final String action;
        final String lock;

        Feed(String table, String action, String lock) {
            this.table = table;
            this.action = action;
            this.lock = lock;
        }
    }

    private final CoalitionRepository coalitions;
    private final AccountRepository accounts;
    private final TenantTransactions tx;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final Clock clock;

    FeedLinks(
            CoalitionRepository coalitions,
            AccountRepository accounts,
            TenantTransactions tx,
            TransactionOperations<Connection> transactions,
            AuditLog audit,
            Clock clock) {
        this.coalitions = coalitions;
        this.accounts = accounts;
        this.tx = tx;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token for the caller; any earlier link of theirs to this feed of this coalition stops working. */
    public String issue(CoalitionAccess access, Feed feed) {
        String token = SecretTokens.newToken();
        tx.write(access.id(), () -> {
            Instant now = clock.instant();
            Sql sql = Sql.on(transactions.getConnection());
            // One new link at a time per account and coalition, so that exactly one stays live.
            sql.one(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                    rs -> rs.getObject(1),
                    feed.lock + ":" + access.account().id() + ":" + access.id().value());
            sql.update(
                    "UPDATE " + feed.table + " SET revoked_at = ?"
                            + " WHERE coalition_id = ? AND account_id = ? AND revoked_at IS NULL",
                    now,
                    access.id().value(),
                    access.account().id());
            sql.update(
                    "INSERT INTO " + feed.table
                            + " (token_hash, coalition_id, account_id, created_at) VALUES (?, ?, ?, ?)",
                    SecretTokens.hash(token),
                    access.id().value(),
                    access.account().id(),
                    now);
            audit.append(
                    access.id(),
                    access.actor(),
                    feed.action,
                    "account",
                    access.account().id(),
                    null,
                    Map.of("link", "new"));
            return null;
        });
        return token;
    }

    /**
     * The access behind a token, as {@code resolve} grants it to the link's account, or empty when the
     * token is unknown, revoked or no longer backed by a role.
     */
    public Optional<CoalitionAccess> access(
            Feed feed, String token, BiFunction<Coalition, CurrentAccount, Optional<CoalitionAccess>> resolve) {
        if (!SecretTokens.plausible(token)) {
            return Optional.empty();
        }
        record Link(UUID coalitionId, UUID accountId) {}
        Optional<Link> link = transactions.executeRead(status -> Sql.on(status.getConnection())
                .one(
                        "SELECT coalition_id, account_id FROM " + feed.table
                                + " WHERE token_hash = ? AND revoked_at IS NULL",
                        rs -> new Link(Sql.uuid(rs, "coalition_id"), Sql.uuid(rs, "account_id")),
                        SecretTokens.hash(token)));
        return link.flatMap(l -> coalitions.findById(l.coalitionId()).flatMap(c -> accounts.findById(l.accountId())
                .flatMap(a -> resolve.apply(c, new CurrentAccount(a.id(), a.email(), a.displayName(), false)))));
    }
}
