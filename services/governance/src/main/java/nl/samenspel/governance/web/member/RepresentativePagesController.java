package nl.samenspel.governance.web.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.invitation.CreateInvitationRequest;
import nl.samenspel.governance.invitation.InvitationResponse;
import nl.samenspel.governance.invitation.InvitationService;
import nl.samenspel.governance.member.MemberResponse;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.member.RepresentativeService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Pages;

/** A member's representatives, its open invitations, and the secretary's form to invite one. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/members/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RepresentativePagesController {

    private final MemberService members;
    private final RepresentativeService representatives;
    private final InvitationService invitations;
    private final Validator validator;

    RepresentativePagesController(
            MemberService members,
            RepresentativeService representatives,
            InvitationService invitations,
            Validator validator) {
        this.members = members;
        this.representatives = representatives;
        this.invitations = invitations;
        this.validator = validator;
    }

    @Serdeable
    record InviteForm(
            @Nullable String email,
            @Nullable String displayName,
            @Nullable String mayVote,
            @Nullable String maySign,
            @Nullable String signsJointly,
            @Nullable String csrfToken) {

        static InviteForm empty() {
            return new InviteForm("", "", "on", "on", null, null);
        }

        CreateInvitationRequest toRequest() {
            return new CreateInvitationRequest(
                    email == null ? null : email.trim(),
                    displayName == null ? null : displayName.trim(),
                    mayVote != null,
                    maySign != null,
                    signsJointly != null);
        }
    }

    @Get("/representatives")
    HttpResponse<?> page(CoalitionAccess access, UUID id, @Nullable @QueryValue String done) {
        String notice = "invited".equals(done) ? "representatives.invited" : null;
        return page(HttpStatus.OK, access, id, InviteForm.empty(), Map.of(), null, notice);
    }

    @Post(value = "/invitations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(CoalitionAccess access, UUID id, @Body InviteForm form) {
        access.require(CoalitionRole.SECRETARY);
        CreateInvitationRequest request = form.toRequest();
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<CreateInvitationRequest> v : validator.validate(request)) {
            String field = v.getPropertyPath().toString();
            errors.putIfAbsent(field, MemberPagesController.constraintKey(v));
        }
        if (!errors.isEmpty()) {
            return page(HttpStatus.UNPROCESSABLE_ENTITY, access, id, form, errors, null, null);
        }
        try {
            invitations.create(access, id, request);
        } catch (ProblemException e) {
            if (e.status() != HttpStatus.CONFLICT && e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            return page(e.status(), access, id, form, Map.of(), "error." + e.code(), null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/members/" + id + "/representatives?done=invited");
    }

    private HttpResponse<?> page(
            HttpStatus status,
            CoalitionAccess access,
            UUID id,
            InviteForm form,
            Map<String, String> errors,
            @Nullable String general,
            @Nullable String notice) {
        MemberResponse member = members.get(access, id);
        boolean secretary = access.has(CoalitionRole.SECRETARY);
        List<InvitationResponse> open = secretary
                ? invitations.list(access, id).stream()
                        .filter(i -> i.status().equals("open"))
                        .toList()
                : List.of();
        return Pages.page(
                status,
                "representatives",
                Pages.model(
                        "access", access,
                        "member", member,
                        "representatives", representatives.list(access, id),
                        "invitations", open,
                        "isSecretary", secretary,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "notice", notice,
                        "section", "members"));
    }
}
