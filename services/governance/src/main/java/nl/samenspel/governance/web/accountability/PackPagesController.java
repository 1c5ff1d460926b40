package nl.samenspel.governance.web.accountability;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.UUID;
import nl.samenspel.governance.pack.PackService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Pages;

/** The secretary's "Pakket maken" on a subsidy's page: the job makes it; the page shows its progress. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/verantwoordingspakket")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PackPagesController {

    private final PackService packs;

    PackPagesController(PackService packs) {
        this.packs = packs;
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> request(CoalitionAccess access, UUID id) {
        packs.request(access, id);
        return Pages.seeOther("/c/" + access.slug() + "/verantwoording/" + id + "?done=pack#pakket");
    }
}
