package nl.samenspel.governance.penvoerder;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** Penvoerderschap per scope: the full history, appointing, and handing over. */
@Controller("/api/v1/coalitions/{coalition}/penvoerderschap")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PenvoerderschapController {

    private final PenvoerderschapService service;

    PenvoerderschapController(PenvoerderschapService service) {
        this.service = service;
    }

    @Get
    List<PenvoerderschapResponse> list(@Parameter(hidden = true) CoalitionAccess access) {
        return service.list(access);
    }

    @Post
    HttpResponse<PenvoerderschapResponse> appoint(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body AppointPenvoerderRequest request) {
        return HttpResponse.created(service.appoint(access, request));
    }

    @Post("/{id}/handover")
    List<PenvoerderschapResponse> handover(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body HandoverRequest request) {
        return service.handover(access, id, request);
    }
}
