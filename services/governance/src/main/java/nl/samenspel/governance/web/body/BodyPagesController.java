package nl.samenspel.governance.web.body;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import nl.samenspel.governance.body.BodyResponse;
import nl.samenspel.governance.body.BodyService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Pages;

/** The coalition's bodies as people look them up: mandate, who sits where, how often they meet. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/bodies")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BodyPagesController {

    private final BodyService bodies;

    BodyPagesController(BodyService bodies) {
        this.bodies = bodies;
    }

    @Get
    HttpResponse<?> list(CoalitionAccess access) {
        List<BodyResponse> details = bodies.list(access).stream()
                .map(b -> bodies.get(access, b.id()))
                .toList();
        return Pages.page("bodies", Pages.model("access", access, "bodies", details, "section", "bodies"));
    }
}
