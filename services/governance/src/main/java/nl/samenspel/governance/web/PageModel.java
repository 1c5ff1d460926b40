package nl.samenspel.governance.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** What every page's layout needs: language, the logged-in person, the CSRF token, formatting. */
@Singleton
class PageModel implements ViewModelProcessor<Map<String, Object>> {

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> {
            Locale locale = Language.of(request);
            model.putIfAbsent("lang", locale.getLanguage());
            model.putIfAbsent("fmt", Formats.of(locale));
            model.putIfAbsent("here", here(request));
            request.getAttribute(CsrfCookieFilter.TOKEN, String.class)
                    .ifPresent(token -> model.putIfAbsent("csrfToken", token));
            if (model.get("access") instanceof CoalitionAccess access) {
                model.putIfAbsent("isSecretary", access.has(CoalitionRole.SECRETARY));
                model.putIfAbsent(
                        "canAudit",
                        access.has(CoalitionRole.SECRETARY, CoalitionRole.ACCOUNTANT, CoalitionRole.OPDRACHTGEVER));
            }
            request.getUserPrincipal(Authentication.class)
                    .ifPresent(authentication -> model.putIfAbsent("me", CurrentAccount.of(authentication)));
        });
    }

    /** The page's own address, for the language switch to come back to (GET pages only). */
    private static String here(HttpRequest<?> request) {
        if (!"GET".equals(request.getMethodName())) {
            return "/";
        }
        String query = request.getUri().getRawQuery();
        return request.getPath() + (query == null ? "" : "?" + query);
    }
}
