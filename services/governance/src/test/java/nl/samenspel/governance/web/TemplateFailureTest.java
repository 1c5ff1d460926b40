package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.simple.SimpleHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.exceptions.ViewRenderingException;
import jakarta.inject.Inject;
import java.util.Map;
import nl.samenspel.governance.support.DatabaseTest;
import org.junit.jupiter.api.Test;

/**
 * A template that fails must fail while the page is rendered, before the response starts: the stock
 * renderer failed later, while writing, and left the browser waiting on a half-sent page.
 */
@MicronautTest(transactional = false)
class TemplateFailureTest implements DatabaseTest {

    @Inject
    ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    @Test
    void aFailingTemplateFailsAtRenderTimeSoTheErrorPageCanStillBeSent() {
        java.util.HashMap<String, Object> model = new java.util.HashMap<>();
        model.put("missing", null);
        assertThatThrownBy(() ->
                        renderer.render("broken-for-test", model, new SimpleHttpRequest<>(HttpMethod.GET, "/", null)))
                .isInstanceOf(ViewRenderingException.class)
                .hasMessageContaining("broken-for-test");
    }
}
