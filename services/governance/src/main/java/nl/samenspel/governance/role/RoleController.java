package nl.samenspel.governance.role;

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
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** The coalition's role grants: list, grant (optionally until a day), revoke. */
@Controller("/api/v1/coalitions/{coalition}/roles")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RoleController {

    private final RoleService roles;

    RoleController(RoleService roles) {
        this.roles = roles;
    }

    @Get
    List<RoleGrants.Grant> list(@Parameter(hidden = true) CoalitionAccess access) {
        return roles.list(access);
    }

    @Post
    List<RoleGrants.Grant> grant(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body GrantRoleRequest request) {
        return roles.grant(access, request);
    }

    @Post("/revoke")
    List<RoleGrants.Grant> revoke(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body RevokeRoleRequest request) {
        return roles.revoke(access, request);
    }
}
