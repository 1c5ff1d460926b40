package nl.samenspel.governance.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.repository.CookieCsrfTokenRepository;
import io.micronaut.security.csrf.repository.CsrfTokenRepository;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Where the CSRF filter finds the double-submit cookie: under the name {@link WebCookies} chose. */
@Singleton
@Replaces(CookieCsrfTokenRepository.class)
class CsrfCookieRepository implements CsrfTokenRepository<HttpRequest<?>> {

    private final WebCookies cookies;

    CsrfCookieRepository(WebCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public Optional<String> findCsrfToken(HttpRequest<?> request) {
        return cookies.csrfToken(request);
    }
}
