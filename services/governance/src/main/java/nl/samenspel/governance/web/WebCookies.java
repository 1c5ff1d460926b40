package nl.samenspel.governance.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The browser's cookies: the login token (read by Micronaut Security's cookie token reader) and the
 * CSRF double-submit token. {@code __Host-} requires Secure, which a browser refuses on
 * http://localhost, so the local run uses a plain name.
 */
@Singleton
public class WebCookies {

    public static final String LANG = "lang";

    private final boolean secure;
    private final String jwtName;
    private final String csrfName;

    WebCookies(
            @Value("${samenspel.secure-cookies:true}") boolean secure,
            @Value("${micronaut.security.token.cookie.cookie-name:JWT}") String jwtName) {
        this.secure = secure;
        this.jwtName = jwtName;
        this.csrfName = secure ? "__Host-csrfToken" : "csrfToken";
    }

    public Cookie login(String token, long lifetimeSeconds) {
        return base(jwtName, token).maxAge(Duration.ofSeconds(lifetimeSeconds));
    }

    public Cookie clearLogin() {
        return base(jwtName, "").maxAge(0);
    }

    public Cookie csrf(String token) {
        return base(csrfName, token);
    }

    public Optional<String> csrfToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(csrfName).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    public Cookie language(String lang) {
        return Cookie.of(LANG, lang)
                .path("/")
                .secure(secure)
                .sameSite(SameSite.Lax)
                .maxAge(Duration.ofDays(365));
    }

    private Cookie base(String name, String value) {
        return Cookie.of(name, value).path("/").httpOnly(true).secure(secure).sameSite(SameSite.Lax);
    }
}
