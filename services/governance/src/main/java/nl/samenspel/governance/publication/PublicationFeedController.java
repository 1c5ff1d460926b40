package nl.samenspel.governance.publication;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.samenspel.core.problem.ProblemException;

/** The feed link a feed reader polls: the secret in the path stands in for a login. */
@Controller("/atom")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicationFeedController {

    private final PublicationFeedService feeds;

    PublicationFeedController(PublicationFeedService feeds) {
        this.feeds = feeds;
    }

    @Get("/{file}")
    HttpResponse<String> feed(String file) {
        String token = file.endsWith(".atom") ? file.substring(0, file.length() - 5) : file;
        return feeds.feedFor(token)
                .map(atom -> HttpResponse.ok(atom)
                        .contentType("application/atom+xml; charset=UTF-8")
                        .header("Cache-Control", "private, max-age=300"))
                .orElseThrow(() -> ProblemException.notFound(
                        "publication.feed-unknown", "This feed link is unknown or no longer valid."));
    }
}
