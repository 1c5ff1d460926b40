package nl.samenspel.governance.publication;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.List;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** Staff access: a member's representative (or the secretary) grants and revokes it for employees. */
@Controller("/api/v1/coalitions/{coalition}/staff")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffController {

    private final PublicationService service;

    StaffController(PublicationService service) {
        this.service = service;
    }

    @Get
    List<Staff> list(@Parameter(hidden = true) CoalitionAccess access) {
        return service.staff(access);
    }

    @Post
    HttpResponse<Staff> grant(@Parameter(hidden = true) CoalitionAccess access, @Valid @Body Staff.Request request) {
        return HttpResponse.created(service.grantStaff(access, request));
    }

    @Post("/revoke")
    @Status(io.micronaut.http.HttpStatus.NO_CONTENT)
    void revoke(@Parameter(hidden = true) CoalitionAccess access, @Valid @Body Staff.RevokeRequest request) {
        service.revokeStaff(access, request);
    }
}
