package nl.samenspel.governance.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import java.util.HashMap;
import java.util.Map;

/** Small helpers for controllers that render pages. Models are mutable: {@link PageModel} adds to them. */
public final class Pages {

    private Pages() {}

    public static Map<String, Object> model(Object... keysAndValues) {
        Map<String, Object> model = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            model.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return model;
    }

    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> page(
            HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(new ModelAndView<>(view, model));
    }

    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> page(String view, Map<String, Object> model) {
        return page(HttpStatus.OK, view, model);
    }

    /** 303: after a form POST the browser GETs the next page, so a reload does not post again. */
    public static MutableHttpResponse<?> seeOther(String path) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).header("Location", path);
    }
}
