package nl.samenspel.governance.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** {@code GET /lang?to=en&back=/c/x/members}: remembers the language and returns to the page. */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class LanguageController {

    private final WebCookies cookies;

    LanguageController(WebCookies cookies) {
        this.cookies = cookies;
    }

    @Get("/lang")
    HttpResponse<?> switchTo(@Nullable @QueryValue String to, @Nullable @QueryValue String back) {
        String lang = "en".equals(to) ? "en" : "nl";
        return HttpResponse.status(HttpStatus.SEE_OTHER)
                .header("Location", localPath(back))
                .cookie(cookies.language(lang));
    }

    /** Only a path on this site: no scheme, no "//host", no backslash tricks; else the start page. */
    static String localPath(String back) {
        if (back == null
                || !back.startsWith("/")
                || back.startsWith("//")
                || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return back;
    }
}
