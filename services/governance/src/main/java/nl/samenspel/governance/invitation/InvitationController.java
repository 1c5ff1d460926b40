package nl.samenspel.governance.invitation;

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

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class InvitationController {

    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Post("/coalitions/{coalition}/members/{memberId}/invitations")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<InvitationResponse> create(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID memberId,
            @Valid @Body CreateInvitationRequest request) {
        InvitationResponse created = invitations.create(access, memberId, request);
        return HttpResponse.created(created);
    }

    @Get("/coalitions/{coalition}/members/{memberId}/invitations")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<InvitationResponse> list(@Parameter(hidden = true) CoalitionAccess access, UUID memberId) {
        return invitations.list(access, memberId);
    }

    /** Anonymous: the token in the link is the credential. */
    @Get("/invitations/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    InvitationView view(String token) {
        return invitations.view(token);
    }

    @Post("/invitations/{token}/accept")
    @Secured(SecurityRule.IS_ANONYMOUS)
    AcceptedInvitation accept(String token, @Valid @Body AcceptInvitationRequest request) {
        return invitations.accept(token, request);
    }
}
