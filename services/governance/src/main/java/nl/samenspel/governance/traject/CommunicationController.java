package nl.samenspel.governance.traject;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** A traject's communication moments, each with its audience and whether it is overdue today. */
@Controller("/api/v1/coalitions/{coalition}/trajects/{traject}/communication-moments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CommunicationController {

    private final CommunicationService service;

    CommunicationController(CommunicationService service) {
        this.service = service;
    }

    @Get
    List<CommunicationMoment> list(@Parameter(hidden = true) CoalitionAccess access, UUID traject) {
        return service.moments(access, traject);
    }

    @Post
    HttpResponse<CommunicationMoment> create(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID traject,
            @Valid @Body CommunicationMoment.Request r) {
        return HttpResponse.created(service.createMoment(access, traject, r));
    }

    @Get("/{id}")
    CommunicationMoment get(@Parameter(hidden = true) CoalitionAccess access, UUID traject, UUID id) {
        return service.moment(access, traject, id);
    }

    @Put("/{id}")
    CommunicationMoment update(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID traject,
            UUID id,
            @Valid @Body CommunicationMoment.Request r) {
        return service.updateMoment(access, traject, id, r);
    }

    @Post("/{id}/done")
    CommunicationMoment done(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID traject,
            UUID id,
            @Valid @Body CommunicationMoment.DoneRequest r) {
        return service.markDone(access, traject, id, r);
    }
}
