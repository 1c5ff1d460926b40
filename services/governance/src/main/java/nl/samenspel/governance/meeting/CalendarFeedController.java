package nl.samenspel.governance.meeting;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.samenspel.core.problem.ProblemException;

/** The subscription link a calendar app polls: the secret in the path stands in for a login. */
@Controller("/ical")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarFeedController {

    private final CalendarFeedService feeds;

    CalendarFeedController(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @Get("/{file}")
    HttpResponse<String> feed(String file) {
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        return feeds.feedFor(token)
                .map(ics -> HttpResponse.ok(ics)
                        .contentType("text/calendar; charset=UTF-8")
                        .header("Cache-Control", "private, max-age=300"))
                .orElseThrow(() -> ProblemException.notFound(
                        "calendar.link-unknown", "This calendar link is unknown or no longer valid."));
    }
}
