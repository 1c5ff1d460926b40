package nl.samenspel.governance.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A token is only good while its login session is: logout and expiry end it server-side. Where a
 * {@link SessionCheckPostponement} takes the check over (a read of a coalition's API, whose binder
 * queries the database for the coalition anyway), the session id is handed on in a request attribute
 * and checked in that statement; everywhere else it is checked here.
 */
@Singleton
class SessionClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final LoginService logins;
    private final List<SessionCheckPostponement> postponements;

    SessionClaimsValidator(LoginService logins, List<SessionCheckPostponement> postponements) {
        this.logins = logins;
        this.postponements = List.copyOf(postponements);
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object sid = claims.get(LoginService.SESSION_CLAIM);
        if (sid == null) {
            return false;
        }
        if (request != null && postponable(request)) {
            request.setAttribute(SessionCheckPostponement.POSTPONED_SESSION, sid.toString());
            return true;
        }
        return logins.sessionActive(sid.toString());
    }

    private boolean postponable(HttpRequest<?> request) {
        for (SessionCheckPostponement postponement : postponements) {
            if (postponement.postponable(request)) {
                return true;
            }
        }
        return false;
    }
}
