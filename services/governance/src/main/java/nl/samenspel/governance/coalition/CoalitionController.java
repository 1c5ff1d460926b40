package nl.samenspel.governance.coalition;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.List;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.tenancy.CoalitionAccess;

@Controller("/api/v1/coalitions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CoalitionController {

    private final CoalitionService service;
    private final RoleGrants grants;

    CoalitionController(CoalitionService service, RoleGrants grants) {
        this.service = service;
        this.grants = grants;
    }

    /** The coalitions the caller has a role in. */
    @Get
    List<RoleGrants.Membership> mine(Authentication authentication) {
        return grants.coalitionsOf(CurrentAccount.of(authentication).id());
    }

    @Post
    HttpResponse<CoalitionResponse> create(Authentication authentication, @Valid @Body CreateCoalitionRequest request) {
        CoalitionResponse created = service.create(CurrentAccount.of(authentication), request);
        return HttpResponse.created(created).header("Location", "/api/v1/coalitions/" + created.slug());
    }

    @Get("/{coalition}")
    CoalitionResponse get(@Parameter(hidden = true) CoalitionAccess access) {
        return service.get(access);
    }

    @Post("/{coalition}/status")
    @Status(HttpStatus.OK)
    CoalitionResponse changeStatus(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body ChangeStatusRequest request) {
        return service.changeStatus(access, request);
    }
}
