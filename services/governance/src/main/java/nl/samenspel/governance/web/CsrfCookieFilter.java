package nl.samenspel.governance.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;

/**
 * Gives every browser page a CSRF token: the one in the cookie when it is still valid (signed with
 * this server's key), else a fresh one, sent back as the double-submit cookie. Pages read it from the
 * request attribute and put it into each form's hidden {@code csrfToken} field.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CsrfCookieFilter {

    static final String TOKEN = "samenspel.csrf.token";
    private static final String FRESH = "samenspel.csrf.fresh";

    private final WebCookies cookies;
    private final CsrfTokenGenerator<HttpRequest<?>> generator;
    private final CsrfTokenValidator<HttpRequest<?>> validator;

    CsrfCookieFilter(
            WebCookies cookies,
            CsrfTokenGenerator<HttpRequest<?>> generator,
            CsrfTokenValidator<HttpRequest<?>> validator) {
        this.cookies = cookies;
        this.generator = generator;
        this.validator = validator;
    }

    @RequestFilter
    void issue(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/api/") || path.startsWith("/assets/")) {
            return;
        }
        String existing = cookies.csrfToken(request).orElse(null);
        if (existing != null && validator.validateCsrfToken(request, existing)) {
            request.setAttribute(TOKEN, existing);
        } else if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            String token = generator.generateCsrfToken(request);
            request.setAttribute(TOKEN, token);
            request.setAttribute(FRESH, token);
        }
    }

    @ResponseFilter
    void send(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(FRESH, String.class).ifPresent(token -> response.cookie(cookies.csrf(token)));
    }
}
