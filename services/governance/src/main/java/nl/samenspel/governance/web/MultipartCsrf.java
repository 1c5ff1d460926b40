package nl.samenspel.governance.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import jakarta.inject.Singleton;
import java.util.List;
import nl.samenspel.core.problem.ProblemException;

/**
 * CSRF protection for multipart uploads, which the CSRF filter leaves alone (it checks forms only). A
 * request with a bearer token comes from a client holding that token, which another site cannot make
 * a browser send (unlike cached Basic credentials); any other request must show a valid CSRF token, in
 * the form field or the {@code X-CSRF-TOKEN} header.
 */
@Singleton
public class MultipartCsrf {

    private final List<CsrfTokenValidator<HttpRequest<?>>> validators;

    MultipartCsrf(List<CsrfTokenValidator<HttpRequest<?>>> validators) {
        this.validators = validators;
    }

    public void requireForCookieSession(HttpRequest<?> request, @Nullable String formToken) {
        if (BearerBodylessRequests.bearer(request)) {
            return;
        }
        String token = formToken != null ? formToken : request.getHeaders().get("X-CSRF-TOKEN");
        boolean valid = token != null
                && !token.isBlank()
                && !validators.isEmpty()
                && validators.stream().allMatch(v -> v.validateCsrfToken(request, token));
        if (!valid) {
            throw ProblemException.forbidden("auth.csrf", "The form has expired; reload the page and try again.");
        }
    }
}
