package nl.samenspel.governance.traject;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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

/** The coalition's krachtenveld: stakeholders with their interest, influence and interest level. */
@Controller("/api/v1/coalitions/{coalition}/stakeholders")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class StakeholderController {

    private final CommunicationService service;

    StakeholderController(CommunicationService service) {
        this.service = service;
    }

    @Get
    List<Stakeholder> list(@Parameter(hidden = true) CoalitionAccess access) {
        return service.stakeholders(access);
    }

    @Post
    HttpResponse<Stakeholder> create(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body Stakeholder.Request r) {
        return HttpResponse.created(service.createStakeholder(access, r));
    }

    @Get("/{id}")
    Stakeholder get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.stakeholder(access, id);
    }

    @Put("/{id}")
    Stakeholder update(@Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Stakeholder.Request r) {
        return service.updateStakeholder(access, id, r);
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        service.deleteStakeholder(access, id);
        return HttpResponse.noContent();
    }
}
