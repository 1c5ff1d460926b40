package nl.samenspel.governance.statute;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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

/** Statute versions: list, read, draft, change a draft, adopt, record the deed, and the diff. */
@Controller("/api/v1/coalitions/{coalition}/statutes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class StatuteController {

    private final StatuteService statutes;

    StatuteController(StatuteService statutes) {
        this.statutes = statutes;
    }

    @Get
    List<StatuteResponse> list(@Parameter(hidden = true) CoalitionAccess access) {
        return statutes.list(access);
    }

    @Post
    HttpResponse<StatuteResponse> draft(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body StatuteRequests.NewDraft request) {
        return HttpResponse.created(statutes.createDraft(access, request));
    }

    @Get("/{id}")
    StatuteResponse get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return statutes.get(access, id);
    }

    @Put("/{id}")
    StatuteResponse update(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body StatuteRequests.Draft request) {
        return statutes.updateDraft(access, id, request);
    }

    @Post("/{id}/adopt")
    StatuteResponse adopt(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body StatuteRequests.Adopt request) {
        return statutes.adopt(access, id, request);
    }

    @Post("/{id}/deed")
    StatuteResponse deed(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body StatuteRequests.Deed request) {
        return statutes.recordDeed(access, id, request);
    }

    /** Article-level differences from version {@code from} to this one. */
    @Get("/{id}/diff")
    StatuteResponse.DiffResponse diff(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @QueryValue UUID from) {
        return statutes.diff(access, from, id);
    }
}
