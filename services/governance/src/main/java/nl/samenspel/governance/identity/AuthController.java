package nl.samenspel.governance.identity;

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
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Bearer-token login for API clients; the web UI logs in with a form and a cookie instead. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {

    private final LoginService logins;
    private final RoleGrants grants;

    AuthController(LoginService logins, RoleGrants grants) {
        this.logins = logins;
        this.grants = grants;
    }

    @Serdeable
    record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1000) String password) {}

    @Serdeable
    record TokenResponse(String accessToken, String tokenType, long expiresIn) {}

    @Serdeable
    record MeResponse(
            UUID id, String email, String displayName, boolean platformAdmin, List<RoleGrants.Membership> coalitions) {}

    @Post("/auth/token")
    @Secured(SecurityRule.IS_ANONYMOUS)
    TokenResponse token(@Valid @Body TokenRequest request) {
        LoginService.LoggedIn loggedIn = logins.login(request.email(), request.password());
        return new TokenResponse(loggedIn.token(), "Bearer", loggedIn.expiresInSeconds());
    }

    @Post("/auth/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    void logout(Authentication authentication) {
        logins.logout(authentication);
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MeResponse me(Authentication authentication) {
        CurrentAccount me = CurrentAccount.of(authentication);
        return new MeResponse(me.id(), me.email(), me.displayName(), me.platformAdmin(), grants.coalitionsOf(me.id()));
    }
}
