package nl.samenspel.governance.accountability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Subsidies per year and the figures of each member against them: budget lines, fte, indicators,
 * milestones and risks. Every change answers with the figures the caller may see.
 */
@Controller("/api/v1/coalitions/{coalition}/subsidies")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountabilityController {

    private final AccountabilityService service;

    AccountabilityController(AccountabilityService service) {
        this.service = service;
    }

    @Get
    List<Subsidy> list(@Parameter(hidden = true) CoalitionAccess access) {
        return service.list(access);
    }

    @Post
    HttpResponse<Subsidy> create(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body Subsidy.Request request) {
        return HttpResponse.created(service.create(access, request));
    }

    @Get("/{id}")
    Subsidy get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.get(access, id);
    }

    @Put("/{id}")
    Subsidy update(@Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Subsidy.Request request) {
        return service.update(access, id, request);
    }

    /** Every member's figures the caller may see, or one member's ({@code memberId}). */
    @Get("/{id}/figures")
    Figures figures(@Parameter(hidden = true) CoalitionAccess access, UUID id, @Nullable @QueryValue UUID memberId) {
        return service.figures(access, id, memberId);
    }

    @Post("/{id}/budget-lines")
    HttpResponse<Figures> addBudgetLine(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Figures.BudgetLineRequest r) {
        return HttpResponse.created(service.saveBudgetLine(access, id, null, notVersioned(r.version(), r)));
    }

    @Put("/{id}/budget-lines/{lineId}")
    Figures changeBudgetLine(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            UUID lineId,
            @Valid @Body Figures.BudgetLineRequest r) {
        return service.saveBudgetLine(access, id, lineId, r);
    }

    @Delete("/{id}/budget-lines/{lineId}")
    Figures removeBudgetLine(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID lineId) {
        return service.delete(access, id, FigureKind.BUDGET_LINE, lineId);
    }

    @Post("/{id}/fte-lines")
    HttpResponse<Figures> addFteLine(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Figures.FteLineRequest r) {
        return HttpResponse.created(service.saveFteLine(access, id, null, notVersioned(r.version(), r)));
    }

    @Put("/{id}/fte-lines/{lineId}")
    Figures changeFteLine(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            UUID lineId,
            @Valid @Body Figures.FteLineRequest r) {
        return service.saveFteLine(access, id, lineId, r);
    }

    @Delete("/{id}/fte-lines/{lineId}")
    Figures removeFteLine(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID lineId) {
        return service.delete(access, id, FigureKind.FTE_LINE, lineId);
    }

    @Post("/{id}/indicators")
    HttpResponse<Figures> addIndicator(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Figures.IndicatorRequest r) {
        return HttpResponse.created(service.saveIndicator(access, id, null, notVersioned(r.version(), r)));
    }

    @Put("/{id}/indicators/{lineId}")
    Figures changeIndicator(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            UUID lineId,
            @Valid @Body Figures.IndicatorRequest r) {
        return service.saveIndicator(access, id, lineId, r);
    }

    @Delete("/{id}/indicators/{lineId}")
    Figures removeIndicator(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID lineId) {
        return service.delete(access, id, FigureKind.INDICATOR, lineId);
    }

    @Post("/{id}/milestones")
    HttpResponse<Figures> addMilestone(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Figures.MilestoneRequest r) {
        return HttpResponse.created(service.saveMilestone(access, id, null, notVersioned(r.version(), r)));
    }

    @Put("/{id}/milestones/{lineId}")
    Figures changeMilestone(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            UUID lineId,
            @Valid @Body Figures.MilestoneRequest r) {
        return service.saveMilestone(access, id, lineId, r);
    }

    @Delete("/{id}/milestones/{lineId}")
    Figures removeMilestone(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID lineId) {
        return service.delete(access, id, FigureKind.MILESTONE, lineId);
    }

    @Post("/{id}/risks")
    HttpResponse<Figures> addRisk(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body Figures.RiskRequest r) {
        return HttpResponse.created(service.saveRisk(access, id, null, notVersioned(r.version(), r)));
    }

    @Put("/{id}/risks/{lineId}")
    Figures changeRisk(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            UUID lineId,
            @Valid @Body Figures.RiskRequest r) {
        return service.saveRisk(access, id, lineId, r);
    }

    @Delete("/{id}/risks/{lineId}")
    Figures removeRisk(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID lineId) {
        return service.delete(access, id, FigureKind.RISK, lineId);
    }

    /** Adding takes no version: it is a new row. */
    private static <T> T notVersioned(Integer version, T request) {
        if (version != null) {
            throw nl.samenspel.core.problem.ProblemException.invalidField(
                    "version",
                    "request.version-unexpected",
                    "a new figure has no version; change an existing one with PUT");
        }
        return request;
    }
}
