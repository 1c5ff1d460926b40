package nl.samenspel.governance.tenancy;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.MethodBasedRouteMatch;
import jakarta.inject.Singleton;
import nl.samenspel.governance.identity.SessionCheckPostponement;

/**
 * A read of a coalition's API has its login session checked in the statement that resolves the
 * coalition and the caller's roles ({@link CoalitionAccessBinder}), which runs before the route does:
 * one statement and one connection per request fewer than a check of its own. Only for GET and HEAD
 * under {@code /api/} of a route that binds {@link CoalitionAccess}: a write, a page (which sends an
 * ended session to the login page) and any route without the binder keep the check at validation.
 */
@Singleton
class CoalitionReadSessionPostponement implements SessionCheckPostponement {

    @Override
    public boolean postponable(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
                || !request.getPath().startsWith("/api/")) {
            return false;
        }
        MethodBasedRouteMatch<?, ?> match = request.getAttribute(
                        HttpAttributes.ROUTE_MATCH, MethodBasedRouteMatch.class)
                .orElse(null);
        if (match == null) {
            return false;
        }
        for (Argument<?> argument : match.getArguments()) {
            if (argument.getType() == CoalitionAccess.class) {
                return true;
            }
        }
        return false;
    }
}
