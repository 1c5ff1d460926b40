package nl.samenspel.governance.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.invitation.AcceptInvitationRequest;
import nl.samenspel.governance.invitation.AcceptedInvitation;
import nl.samenspel.governance.invitation.InvitationService;
import nl.samenspel.governance.invitation.InvitationView;

/**
 * The page behind the link in an invitation e-mail: what you are invited to, and a form to choose a
 * password and accept. Accepting logs you in and opens the coalition.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/invitations/{token}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class InvitationPagesController {

    private final InvitationService invitations;
    private final WebCookies cookies;
    private final CsrfTokenGenerator<HttpRequest<?>> csrf;
    private final Validator validator;

    InvitationPagesController(
            InvitationService invitations,
            WebCookies cookies,
            CsrfTokenGenerator<HttpRequest<?>> csrf,
            Validator validator) {
        this.invitations = invitations;
        this.cookies = cookies;
        this.csrf = csrf;
        this.validator = validator;
    }

    @Serdeable
    record AcceptForm(
            @Nullable String displayName,
            @Nullable String password,
            @Nullable String passwordRepeat,
            @Nullable String currentPassword,
            @Nullable String csrfToken) {}

    @Get
    HttpResponse<?> show(String token) {
        try {
            InvitationView view = invitations.view(token);
            return form(HttpStatus.OK, token, view, view.displayName(), Map.of());
        } catch (ProblemException e) {
            return unavailable(e);
        }
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> accept(HttpRequest<?> request, String token, @Body AcceptForm form) {
        InvitationView view;
        try {
            view = invitations.view(token);
        } catch (ProblemException e) {
            return unavailable(e);
        }
        String name = form.displayName() == null ? "" : form.displayName().trim();
        String password = view.accountHasPassword()
                ? form.currentPassword()
                : form.password() == null || form.password().isEmpty() ? null : form.password();
        if (!view.accountHasPassword() && password != null && !password.equals(form.passwordRepeat())) {
            return form(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    token,
                    view,
                    name,
                    Map.of("passwordRepeat", "error.password-repeat"));
        }
        AcceptInvitationRequest acceptance = new AcceptInvitationRequest(password, name.isEmpty() ? null : name);
        Map<String, String> invalid = new LinkedHashMap<>();
        for (ConstraintViolation<AcceptInvitationRequest> v : validator.validate(acceptance)) {
            invalid.putIfAbsent(
                    v.getPropertyPath().toString(),
                    nl.samenspel.governance.web.member.MemberPagesController.constraintKey(v));
        }
        if (!invalid.isEmpty()) {
            return form(HttpStatus.UNPROCESSABLE_ENTITY, token, view, name, invalid);
        }
        try {
            AcceptedInvitation accepted = invitations.accept(token, acceptance);
            return Pages.seeOther("/c/" + accepted.coalition())
                    .cookie(cookies.login(accepted.accessToken(), accepted.expiresIn()))
                    .cookie(cookies.csrf(csrf.generateCsrfToken(request)));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.UNAUTHORIZED || e.status() == HttpStatus.TOO_MANY_REQUESTS) {
                String key = e.status() == HttpStatus.UNAUTHORIZED ? "error.current-password" : "error.locked";
                return form(e.status(), token, view, name, Map.of("currentPassword", key));
            }
            if (e.status() == HttpStatus.UNPROCESSABLE_ENTITY && !e.errors().isEmpty()) {
                Map<String, String> errors = new LinkedHashMap<>();
                for (FieldError fe : e.errors()) {
                    errors.putIfAbsent(
                            fe.field(), "required".equals(fe.code()) ? "error.required" : "error." + fe.code());
                }
                return form(HttpStatus.UNPROCESSABLE_ENTITY, token, view, name, errors);
            }
            return unavailable(e);
        }
    }

    private static HttpResponse<?> form(
            HttpStatus status, String token, InvitationView view, String name, Map<String, String> errors) {
        return Pages.page(
                status,
                "invitation",
                Pages.model("token", token, "invitation", view, "displayName", name, "errors", errors));
    }

    /** Unknown (404), already used or not possible (409), expired (410): say which and what to do. */
    private static HttpResponse<?> unavailable(ProblemException e) {
        int code = e.status().getCode();
        if (code != 404 && code != 409 && code != 410) {
            throw e;
        }
        return Pages.page(e.status(), "invitation-unavailable", Pages.model("reason", "error." + e.code()));
    }
}
