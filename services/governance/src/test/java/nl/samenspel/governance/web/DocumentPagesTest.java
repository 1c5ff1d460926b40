package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.Browser;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/** The documents page: a list for everyone, the upload form for the secretary, refusals next to the field. */
@MicronautTest(transactional = false)
class DocumentPagesTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    /** A multipart form post from a logged-in browser, with the CSRF token the page gave it. */
    HttpResponse<String> uploadForm(Browser browser, String path, String csrf, String filename, byte[] content)
            throws Exception {
        String boundary = "----pagina" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + csrf
                        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                        + "Convenant 2027\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "JWT=" + browser.cookie("JWT") + "; csrfToken=" + browser.cookie("csrfToken"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSecretaryUploadsThroughThePageAndAnObserverOnlyReads() throws Exception {
        CoalitionResponse coalition = fixtures.coalition("documenten-pagina", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "docs-secretary", CoalitionRole.SECRETARY);
        Account observer = fixtures.member(coalition, "docs-observer", CoalitionRole.OBSERVER);
        String path = "/c/" + coalition.slug() + "/documents";

        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        Browser.Page empty = browser.get(path);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body())
                .contains(
                        "aria-current=\"page\">Documenten", "Nog geen documenten.", "enctype=\"multipart/form-data\"");

        HttpResponse<String> refused = uploadForm(
                browser, path, empty.csrfToken(), "convenant.pdf", "geen pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#file\"", "Het bestand is geen pdf.", "value=\"Convenant 2027\"");

        byte[] pdf;
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            pdf = out.toByteArray();
        }
        HttpResponse<String> uploaded = uploadForm(browser, path, empty.csrfToken(), "convenant.pdf", pdf);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
        assertThat(browser.get(path + "?done=uploaded").body())
                .contains("Het document is opgeslagen.", "Convenant 2027", "convenant.pdf");

        Browser reader = new Browser(server);
        reader.logIn(observer.email(), Fixtures.PASSWORD);
        assertThat(reader.get(path).body())
                .contains("Convenant 2027")
                .doesNotContain("enctype=\"multipart/form-data\"");
        assertThat(uploadForm(reader, path, reader.get(path).csrfToken(), "convenant.pdf", pdf)
                        .statusCode())
                .isEqualTo(403);
        assertThat(new Api(server)
                        .get(
                                "/api/v1/coalitions/" + coalition.slug() + "/documents",
                                new Api(server).login(secretary.email(), Fixtures.PASSWORD))
                        .json())
                .hasSize(1);
    }

    @Test
    void theSecretaryMakesADocumentFromAStatuteVersionAndIsToldWhatCannotBeMade() {
        CoalitionResponse coalition = fixtures.coalition("documenten-maken", LegalForm.COOPERATIE_UA);
        Account secretary = fixtures.member(coalition, "maker-secretary", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String token = api.login(secretary.email(), Fixtures.PASSWORD);
        String statutes = "/api/v1/coalitions/" + coalition.slug() + "/statutes";
        var draft = api.post(statutes, token, java.util.Map.of("title", "Statuten De Kleine Schans"))
                .json();
        assertThat(api.put(
                                statutes + "/" + draft.get("id").asText(),
                                token,
                                java.util.Map.of(
                                        "title",
                                        "Statuten De Kleine Schans",
                                        "articles",
                                        java.util.List.of(java.util.Map.of(
                                                "number",
                                                "1",
                                                "title",
                                                "Naam",
                                                "body",
                                                "Coöperatie De Kleine Schans U.A.")),
                                        "version",
                                        draft.get("version").asInt()))
                        .status())
                .isEqualTo(200);
        String path = "/c/" + coalition.slug() + "/documents";
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        Browser.Page page = browser.get(path);
        assertThat(page.body())
                .contains("Document maken uit Samenspel", "Statuten versie 1: Statuten De Kleine Schans");

        Browser.Page none = browser.post(
                path + "/generated", java.util.Map.of("source", "DECISION_LIST", "csrfToken", page.csrfToken()));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("Er zijn nog geen besluiten over voorstellen genomen.", "href=\"#source\"");

        Browser.Page made = browser.post(
                path + "/generated",
                java.util.Map.of("source", draft.get("id").asText(), "csrfToken", page.csrfToken()));
        assertThat(made.status()).as(made.body()).isIn(200, 303);
        assertThat(browser.get(path + "?done=generated").body())
                .contains("Het document is gemaakt", "Statuten De Kleine Schans (ontwerp versie 1)");
    }
}
