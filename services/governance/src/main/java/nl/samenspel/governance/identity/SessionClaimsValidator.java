package nl.samenspel.governance.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** A token is only good while its login session is: logout and expiry end it server-side. */
@Singleton
class SessionClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final LoginService logins;

    SessionClaimsValidator(LoginService logins) {
        this.logins = logins;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object sid = claims.get(LoginService.SESSION_CLAIM);
        return sid != null && logins.sessionActive(sid.toString());
    }
}
