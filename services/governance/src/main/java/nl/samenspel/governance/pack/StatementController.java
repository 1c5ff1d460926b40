package nl.samenspel.governance.pack;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.UUID;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** The statements of a subsidy year: each member's own, then the penvoerder's consolidated one. */
@Controller("/api/v1/coalitions/{coalition}/subsidies/{id}/statements")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class StatementController {

    private final StatementService service;

    StatementController(StatementService service) {
        this.service = service;
    }

    @Get
    List<StatementService.Statement> list(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.list(access, id);
    }

    /** Sends every member with figures its statement to sign. */
    @Post
    HttpResponse<List<StatementService.Statement>> send(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return HttpResponse.created(service.sendToMembers(access, id));
    }

    /** Sends the penvoerder the consolidated statement, once every member's is signed. */
    @Post("/consolidated")
    HttpResponse<List<StatementService.Statement>> consolidated(
            @Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return HttpResponse.created(service.sendConsolidated(access, id));
    }
}
