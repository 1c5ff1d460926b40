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

/** Trajects with their phases, linked milestones and status; every change answers with the whole traject. */
@Controller("/api/v1/coalitions/{coalition}/trajects")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TrajectController {

    private final TrajectService service;

    TrajectController(TrajectService service) {
        this.service = service;
    }

    @Get
    List<Traject> list(@Parameter(hidden = true) CoalitionAccess access) {
        return service.list(access);
    }

    @Post
    HttpResponse<Traject> create(@Parameter(hidden = true) CoalitionAccess access, @Valid @Body Traject.Request r) {
        return HttpResponse.created(service.create(access, r));
    }

    @Get("/{id}")
    Traject get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.get(access, id);
    }

    @Put("/{id}")
    Traject update(@Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Traject.Request r) {
        return service.update(access, id, r);
    }

    @Post("/{id}/phases")
    HttpResponse<Traject> addPhase(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Traject.PhaseRequest r) {
        return HttpResponse.created(service.addPhase(access, id, r));
    }

    @Put("/{id}/phases/{phaseId}")
    Traject updatePhase(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            UUID phaseId,
            @Valid @Body Traject.PhaseRequest r) {
        return service.updatePhase(access, id, phaseId, r);
    }

    @Put("/{id}/phase-order")
    Traject reorder(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Traject.PhaseOrderRequest r) {
        return service.reorderPhases(access, id, r);
    }

    @Post("/{id}/milestones")
    Traject linkMilestone(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Traject.MilestoneLinkRequest r) {
        return service.linkMilestone(access, id, r);
    }

    @Post("/{id}/milestones/new")
    HttpResponse<Traject> addMilestone(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Traject.NewMilestoneRequest r) {
        return HttpResponse.created(service.addMilestone(access, id, r));
    }
}
