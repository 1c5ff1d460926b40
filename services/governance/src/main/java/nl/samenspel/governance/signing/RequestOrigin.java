package nl.samenspel.governance.signing;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/** Where a signature came from, as the evidence records it; shared by the API and the signing page. */
public final class RequestOrigin {

    private RequestOrigin() {}

    /**
     * The address the connection came from; behind a reverse proxy that is the proxy's (the chart's
     * ingress must be trusted to pass the client's address before a forwarded header may be used).
     */
    public static SigningService.Origin of(HttpRequest<?> http) {
        String ip = http.getRemoteAddress().getAddress() == null
                ? http.getRemoteAddress().getHostString()
                : http.getRemoteAddress().getAddress().getHostAddress();
        return new SigningService.Origin(ip, http.getHeaders().get(HttpHeaders.USER_AGENT));
    }
}
