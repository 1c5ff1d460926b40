package nl.samenspel.governance.tenancy;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import java.util.Optional;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.identity.LoginService;
import nl.samenspel.governance.identity.LoginService.SessionCheck;
import nl.samenspel.governance.identity.SessionCheckPostponement;

/**
 * Binds {@link CoalitionAccess} from the {@code {coalition}} path segment. A coalition the caller has
 * no role in is answered exactly like one that does not exist: 404, so slugs do not leak.
 *
 * <p>Postponed: Micronaut then binds it after the filters on the thread that runs the route (the
 * blocking executor for {@code @ExecuteOn(BLOCKING)} controllers), so its database statement does not
 * hold an event-loop thread that other connections wait for.
 */
@Singleton
class CoalitionAccessBinder
        implements TypedRequestArgumentBinder<CoalitionAccess>, PostponedRequestArgumentBinder<CoalitionAccess> {

    static final String PATH_VARIABLE = "coalition";

    private final CoalitionAccessResolver resolver;
    private final LoginService logins;

    CoalitionAccessBinder(CoalitionAccessResolver resolver, LoginService logins) {
        this.resolver = resolver;
        this.logins = logins;
    }

    @Override
    public Argument<CoalitionAccess> argumentType() {
        return Argument.of(CoalitionAccess.class);
    }

    @Override
    public BindingResult<CoalitionAccess> bind(
            ArgumentConversionContext<CoalitionAccess> context, HttpRequest<?> request) {
        Authentication authentication = request.getUserPrincipal(Authentication.class)
                .orElseThrow(() -> new ProblemException(
                        io.micronaut.http.HttpStatus.UNAUTHORIZED, "auth.required", "Log in first."));
        UriRouteMatch<?, ?> match = request.getAttribute(HttpAttributes.ROUTE_MATCH, UriRouteMatch.class)
                .orElseThrow(() -> new IllegalStateException("route has no {coalition} variable"));
        String slug = Optional.ofNullable(match.getVariableValues().get(PATH_VARIABLE))
                .map(Object::toString)
                .orElseThrow(() -> new IllegalStateException("route has no {coalition} variable"));
        CurrentAccount account = CurrentAccount.of(authentication);
        // The allow-list for staff: everywhere else a staff-only account is answered as a stranger.
        boolean staffReadable = match.getDeclaringType().isAnnotationPresent(StaffReadable.class);
        // The login session, when the token's validation left its check to this statement
        // (CoalitionReadSessionPostponement).
        SessionCheck session = request.getAttribute(SessionCheckPostponement.POSTPONED_SESSION, String.class)
                .map(logins::sessionCheck)
                .orElse(null);
        Optional<CoalitionAccess> found = resolver.resolveBySlug(slug, account, staffReadable, session);
        SessionCheckPostponement.markChecked(request);
        CoalitionAccess access = found.orElseThrow(CoalitionAccessBinder::notFound);
        return () -> Optional.of(access);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("coalition.not-found", "There is no coalition at this address for you.");
    }
}
