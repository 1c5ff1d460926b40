package nl.samenspel.governance.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.identity.LoginService;

/** The browser's login: a form, an HttpOnly cookie, and a CSRF token on both (login CSRF). */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginPageController {

    private final LoginService logins;
    private final WebCookies cookies;
    private final CsrfTokenGenerator<HttpRequest<?>> csrf;

    LoginPageController(LoginService logins, WebCookies cookies, CsrfTokenGenerator<HttpRequest<?>> csrf) {
        this.logins = logins;
        this.cookies = cookies;
        this.csrf = csrf;
    }

    @Serdeable
    record LoginForm(@Nullable String email, @Nullable String password, @Nullable String csrfToken) {}

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> form() {
        return Pages.page("login", Pages.model("email", ""));
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> login(HttpRequest<?> request, @Body LoginForm form) {
        String email = form.email() == null ? "" : form.email().trim();
        try {
            LoginService.LoggedIn loggedIn = logins.login(email, form.password() == null ? "" : form.password());
            // A new CSRF token once logged in: one planted before login is worth nothing afterwards.
            return Pages.seeOther("/")
                    .cookie(cookies.login(loggedIn.token(), loggedIn.expiresInSeconds()))
                    .cookie(cookies.csrf(csrf.generateCsrfToken(request)));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.TOO_MANY_REQUESTS) {
                String seconds = e.headers().getOrDefault("Retry-After", "900");
                long minutes = Math.max(1, (Long.parseLong(seconds) + 59) / 60);
                MutableHttpResponse<?> locked = Pages.page(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "login",
                        Pages.model("email", email, "error", "login.locked", "minutes", minutes));
                return locked.header("Retry-After", seconds);
            }
            if (e.status() == HttpStatus.UNAUTHORIZED) {
                return Pages.page(
                        HttpStatus.UNAUTHORIZED, "login", Pages.model("email", email, "error", "login.invalid"));
            }
            throw e;
        }
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> logout(Authentication authentication) {
        logins.logout(authentication);
        return Pages.seeOther("/login").cookie(cookies.clearLogin());
    }
}
