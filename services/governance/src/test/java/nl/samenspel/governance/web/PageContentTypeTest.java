package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Browser;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pages answer a client that accepts only {@code text/html} (a link checker, a screen-reader's fetcher,
 * {@code curl -H 'Accept: text/html'}) as they answer a browser, which also sends {@code *}{@code /*}:
 * before, page routes produced JSON by default, such a request matched no route and got a 401 error page.
 */
@MicronautTest(transactional = false)
class PageContentTypeTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    CoalitionResponse coalition;
    Account secretary;

    @BeforeAll
    void setUp() {
        coalition = fixtures.coalition("page-types", LegalForm.SAMENWERKINGSVERBAND);
        secretary = fixtures.member(coalition, "page-types-secretary", CoalitionRole.SECRETARY);
    }

    @Test
    void theLoginPageAnswersABareTextHtmlAccept() throws Exception {
        HttpResponse<String> page = get("/login", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body()).contains("name=\"password\"");
    }

    @Test
    void aCoalitionsPagesAnswerABareTextHtmlAcceptOnceLoggedIn() throws Exception {
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        String cookie = "JWT=" + browser.cookie("JWT");
        for (String path : new String[] {"/c/" + coalition.slug(), "/c/" + coalition.slug() + "/members"}) {
            HttpResponse<String> page = get(path, cookie);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValue("text/html;charset=UTF-8");
            assertThat(page.body()).as(path).contains(coalition.name());
        }
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.getURI() + path)).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
