package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.Browser;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A POST without a body names no content type. From an API client with a bearer token it reaches the
 * endpoint; from a browser session it still needs a CSRF token, as any form would.
 */
@MicronautTest(transactional = false)
class BodylessPostTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    HttpResponse<String> postWithoutBody(String path, String header, String value) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header(header, value)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        assertThat(request.headers().firstValue("Content-Type")).isEmpty();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBearerClientReachesTheEndpointAndABrowserSessionStillNeedsItsCsrfToken() throws Exception {
        CoalitionResponse coalition = fixtures.coalition("bodyless", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "bodyless-secretary", CoalitionRole.SECRETARY);
        String path = "/api/v1/coalitions/" + coalition.slug() + "/meetings/" + UUID.randomUUID() + "/convocation";

        String bearer = new Api(server).login(secretary.email(), Fixtures.PASSWORD);
        HttpResponse<String> api = postWithoutBody(path, "Authorization", "Bearer " + bearer);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(404);
        assertThat(api.body()).contains("meeting.not-found");

        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        HttpResponse<String> session = postWithoutBody(path, "Cookie", "JWT=" + browser.cookie("JWT"));
        assertThat(session.statusCode()).isEqualTo(403);
    }
}
