package nl.samenspel.governance.publication;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Optional;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.tenancy.CoalitionAccessResolver;
import nl.samenspel.governance.tenancy.FeedLinks;

/**
 * The coalition's publications as an Atom feed behind a personal secret link, as the calendar feed:
 * feed readers cannot log in. The link carries the account's access: it stops working when the account
 * loses its roles in the coalition, and a new link revokes the old one.
 */
@Singleton
public class PublicationFeedService {

    private final PublicationRepository repository;
    private final CoalitionAccessResolver resolver;
    private final FeedLinks links;
    private final TenantTransactions tx;
    private final String publicUrl;

    PublicationFeedService(
            PublicationRepository repository,
            CoalitionAccessResolver resolver,
            FeedLinks links,
            TenantTransactions tx,
            @Value("${samenspel.public-url:`http://localhost:8080`}") String publicUrl) {
        this.repository = repository;
        this.resolver = resolver;
        this.links = links;
        this.tx = tx;
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
        return link(links.issue(access, FeedLinks.Feed.PUBLICATIONS));
    }

    private String link(String token) {
        return publicUrl + "/atom/" + token + ".atom";
    }

    /** The feed behind a link, or empty when the link is unknown, revoked or no longer backed by a role. */
    public Optional<String> feedFor(String token) {
        return links.access(FeedLinks.Feed.PUBLICATIONS, token, resolver::resolveForPublications)
                .map(access -> feed(access, link(token)));
    }
}
