package nl.samenspel.governance.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * The UI language: Dutch unless the {@code lang} cookie asks for English. Deliberately not taken from
 * Accept-Language: the product is Dutch first, and English is a choice the user makes.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
public class Language implements HttpLocaleResolver {

    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(of(request));
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return of(request);
    }

    public static Locale of(HttpRequest<?> request) {
        return request.getCookies()
                .findCookie(WebCookies.LANG)
                .map(Cookie::getValue)
                .filter("en"::equals)
                .map(v -> ENGLISH)
                .orElse(DUTCH);
    }
}
