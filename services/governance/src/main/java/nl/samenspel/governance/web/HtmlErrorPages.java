package nl.samenspel.governance.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error pages for browsers, in the user's language, from fixed texts per status: never the exception
 * message, a stack trace or SQL. JSON clients keep getting problem+json (core's ProblemBodyProvider).
 */
@Singleton
@Primary
@Replaces(HtmlErrorResponseBodyProvider.class)
class HtmlErrorPages implements HtmlErrorResponseBodyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlErrorPages.class);

    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    HtmlErrorPages(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String kind =
                switch (status) {
                    case 403, 404, 409, 413, 429 -> Integer.toString(status);
                    default -> status >= 500 ? "500" : "400";
                };
        try {
            StringWriter out = new StringWriter();
            var page = renderer.render(
                    new ModelAndView<>("error", Pages.model("status", status, "kind", kind)),
                    context.getRequest(),
                    MediaType.TEXT_HTML);
            if (page.isPresent()) {
                page.get().writeTo(out);
                return out.toString();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not render the error page for status {}", status, e);
        }
        return fallback(status);
    }

    private static String fallback(int status) {
        return "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Fout " + status
                + " — Samenspel</title></head><body><main><h1>Er ging iets mis (" + status
                + ")</h1><p><a href=\"/\">Naar de startpagina</a></p></main></body></html>";
    }
}
