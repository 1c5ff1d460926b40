package nl.samenspel.governance.publication;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.security.SecretTokens;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.identity.AccountRepository;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.tenancy.CoalitionAccessResolver;

/**
 * The coalition's publications as an Atom feed behind a personal secret link, as the calendar feed:
 * feed readers cannot log in. The link carries the account's access: it stops working when the account
 * loses its roles in the coalition, and a new link revokes the old one.
 */
@Singleton
public class PublicationFeedService {

    private final PublicationRepository repository;
    private final CoalitionRepository coalitions;
    private final AccountRepository accounts;
    private final CoalitionAccessResolver resolver;
    private final TenantTransactions tx;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;

    PublicationFeedService(
            PublicationRepository repository,
            CoalitionRepository coalitions,
            AccountRepository accounts,
            CoalitionAccessResolver resolver,
            TenantTransactions tx,
            TransactionOperations<Connection> transactions,
            AuditLog audit,
            Clock clock,
            @Value("${samenspel.public-url:`http://localhost:8080`}") String publicUrl) {
        this.repository = repository;
        this.coalitions = coalitions;
        this.accounts = accounts;
        this.resolver = resolver;
        this.tx = tx;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Published publications only, whoever holds the link: a feed is for readers. */
    String feed(CoalitionAccess access, String selfLink) {
        String page = publicUrl + "/c/" + access.slug() + "/publicaties";
        return tx.read(
                access.id(),
                () -> AtomFeed.write(
                        "urn:uuid:" + access.id().value(),
                        "Publicaties — " + access.coalition().name(),
                        selfLink,
                        page,
                        repository.publications(access.id().value(), false).stream()
                                .map(p -> new AtomFeed.Entry(
                                        "urn:uuid:" + p.id(),
                                        p.title(),
                                        p.body(),
                                        page + "/" + p.id(),
                                        p.publishedAt(),
                                        access.coalition().name()))
                                .toList()));
    }

    /** A new feed link for the caller; any earlier link of theirs for this coalition stops working. */
    public String newLink(CoalitionAccess access) {
        String token = SecretTokens.newToken();
        tx.write(access.id(), () -> {
            Instant now = clock.instant();
            Sql sql = Sql.on(transactions.getConnection());
            sql.one(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                    rs -> rs.getObject(1),
                    "publication-feed:" + access.account().id() + ":"
                            + access.id().value());
            sql.update(
                    """
                    UPDATE publication_feed SET revoked_at = ?
                     WHERE coalition_id = ? AND account_id = ? AND revoked_at IS NULL""",
                    now,
                    access.id().value(),
                    access.account().id());
            sql.update(
                    "INSERT INTO publication_feed (token_hash, coalition_id, account_id, created_at) VALUES (?, ?, ?, ?)",
                    SecretTokens.hash(token),
                    access.id().value(),
                    access.account().id(),
                    now);
            audit.append(
                    access.id(),
                    access.actor(),
                    "publication.feed-link-created",
                    "account",
                    access.account().id(),
                    null,
                    Map.of("link", "new"));
            return null;
        });
        return link(token);
    }

    private String link(String token) {
        return publicUrl + "/atom/" + token + ".atom";
    }

    /** The feed behind a link, or empty when the link is unknown, revoked or no longer backed by a role. */
    public Optional<String> feedFor(String token) {
        if (!SecretTokens.plausible(token)) {
            return Optional.empty();
        }
        record Link(UUID coalitionId, UUID accountId) {}
        Optional<Link> link = transactions.executeRead(status -> Sql.on(status.getConnection())
                .one(
                        "SELECT coalition_id, account_id FROM publication_feed WHERE token_hash = ? AND revoked_at IS NULL",
                        rs -> new Link(Sql.uuid(rs, "coalition_id"), Sql.uuid(rs, "account_id")),
                        SecretTokens.hash(token)));
        return link.flatMap(l -> coalitions.findById(l.coalitionId()).flatMap(c -> accounts.findById(l.accountId())
                        .flatMap(a -> resolver.resolveForPublications(
                                c, new CurrentAccount(a.id(), a.email(), a.displayName(), false)))))
                .map(access -> feed(access, link(token)));
    }
}
