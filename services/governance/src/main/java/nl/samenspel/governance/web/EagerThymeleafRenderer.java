package nl.samenspel.governance.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

/**
 * Renders a page completely before the response starts. The stock renderer writes while the
 * response is already committed, so a failing template left the browser waiting on a half-sent
 * page; rendered here first, the failure reaches the error handlers and becomes a proper 500 page.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class EagerThymeleafRenderer<T> extends ThymeleafViewsRenderer<T> {

    EagerThymeleafRenderer(
            AbstractConfigurableTemplateResolver templateResolver,
            TemplateEngine engine,
            ClassPathResourceLoader resourceLoader,
            HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter page = new StringWriter(8192);
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException e) {
            throw new ViewRenderingException("Error rendering view [" + viewName + "]", e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
