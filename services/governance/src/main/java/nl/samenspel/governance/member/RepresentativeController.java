package nl.samenspel.governance.member;

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

@Controller("/api/v1/coalitions/{coalition}/members/{memberId}/representatives")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RepresentativeController {

    private final RepresentativeService representatives;

    RepresentativeController(RepresentativeService representatives) {
        this.representatives = representatives;
    }

    @Get
    List<RepresentativeResponse> list(@Parameter(hidden = true) CoalitionAccess access, UUID memberId) {
        return representatives.list(access, memberId);
    }

    @Post("/{id}/end")
    RepresentativeResponse end(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID memberId,
            UUID id,
            @Valid @Body EndRepresentativeRequest request) {
        return representatives.end(access, memberId, id, request);
    }
}
