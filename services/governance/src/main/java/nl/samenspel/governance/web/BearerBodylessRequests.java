package nl.samenspel.governance.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * An API client with a bearer token may POST without a body, and so without a Content-Type (the
 * convocation, the closing of a vote). The CSRF filter checks every request that names no content
 * type, as a browser form could be one; such a client would get a 403 it cannot explain. A request
 * carrying a bearer token cannot be forged by another site (a browser never adds that header for it),
 * so a body-less one is read as JSON, which the CSRF filter leaves to the token.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class BearerBodylessRequests implements Ordered {

    static boolean bearer(HttpRequest<?> request) {
        return request.getHeaders()
                .getAuthorization()
                .map(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .orElse(false);
    }

    @RequestFilter
    void readAsJson(MutableHttpRequest<?> request) {
        if (request.getContentType().isEmpty() && bearer(request)) {
            request.getHeaders().contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }

    @Override
    public int getOrder() {
        // After the security filter has authenticated, before the CSRF filter (SECURITY + 100) looks.
        return ServerFilterPhase.SECURITY.order() + 50;
    }
}
