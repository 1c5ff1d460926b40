package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.util.Map;
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

/**
 * The dossier page of a traject: the secretary files a document from the list, with its classification
 * and retention, and withdraws it; refusals show at the field; an observer reads it and downloads the
 * ZIP without the forms; another coalition's secretary gets a 404.
 */
@MicronautTest(transactional = false)
class CaseFilePagesTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Test
    void theSecretaryFilesAndWithdrawsADocumentAndAnObserverReadsTheDossier() throws Exception {
        CoalitionResponse coalition = fixtures.coalition("dossier-pagina", LegalForm.COOPERATIE_UA);
        Account secretary = fixtures.member(coalition, "dossier-secretary", CoalitionRole.SECRETARY);
        Account observer = fixtures.member(coalition, "dossier-observer", CoalitionRole.OBSERVER);
        CoalitionResponse other = fixtures.coalition("dossier-ander", LegalForm.COOPERATIE_UA);
        Account stranger = fixtures.member(other, "dossier-stranger", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String token = api.login(secretary.email(), Fixtures.PASSWORD);
        String apiBase = "/api/v1/coalitions/" + coalition.slug();
        String body =
                api.get(apiBase + "/bodies", token).json().get(0).get("id").asText();
        String traject = api.post(apiBase + "/trajects", token, Map.of("title", "Oprichting", "ownerBodyId", body))
                .json()
                .get("id")
                .asText();
        byte[] pdf;
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            pdf = out.toByteArray();
        }
        Api.Multipart file = Api.Multipart.file("Oprichtingsakte.pdf", "application/pdf", pdf);
        String document = api.send("POST", apiBase + "/documents", token, file.contentType(), file.bytes())
                .json()
                .get("id")
                .asText();
        String detail = "/c/" + coalition.slug() + "/trajecten/" + traject;
        String path = detail + "/dossier";

        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        assertThat(browser.get(detail).body()).contains("Dossier", "Dossier bekijken", "Download dossier (ZIP)");
        Browser.Page empty = browser.get(path);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body())
                .contains("Dossier: Oprichting", "Het dossier is nog leeg.", "Stuk aan het dossier toevoegen")
                .contains("value=\"DOCUMENT:" + document + "\"", "Document – Oprichtingsakte");

        Browser.Page nothing =
                browser.post(path, Map.of("caseItem", "", "classification", "INTERN", "csrfToken", empty.csrfToken()));
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.body()).contains("href=\"#caseItem\"", "Kies een stuk uit de lijst.");

        Browser.Page tooLong = browser.post(
                path,
                Map.of(
                        "caseItem",
                        "DOCUMENT:" + document,
                        "classification",
                        "VERTROUWELIJK",
                        "retentionYears",
                        "500",
                        "csrfToken",
                        empty.csrfToken()));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("href=\"#retentionYears\"", "van 1 tot en met 100 jaar");

        Browser.Page unknown = browser.post(
                path,
                Map.of("caseItem", "DECISION:" + document, "classification", "INTERN", "csrfToken", empty.csrfToken()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body())
                .contains("href=\"#caseItem\"", "Dit stuk bestaat niet in deze coalitie of is van een andere soort.");

        Browser.Page added = browser.post(
                path,
                Map.of(
                        "caseItem",
                        "DOCUMENT:" + document,
                        "classification",
                        "VERTROUWELIJK",
                        "retentionYears",
                        "7",
                        "csrfToken",
                        empty.csrfToken()));
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        Browser.Page filed = browser.get(added.header("Location"));
        assertThat(filed.body())
                .contains("Het stuk is aan het dossier toegevoegd.", "Oprichtingsakte", "Vertrouwelijk", "7 jaar")
                .doesNotContain("value=\"DOCUMENT:" + document + "\"");

        Browser reader = new Browser(server);
        reader.logIn(observer.email(), Fixtures.PASSWORD);
        Browser.Page read = reader.get(path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body())
                .contains("Oprichtingsakte", "Download dossier (ZIP)")
                .doesNotContain("Stuk aan het dossier toevoegen", "Intrekken");
        Browser.Page zip = reader.get(path + "/zip");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).isEqualTo("application/zip");

        Browser outsider = new Browser(server);
        outsider.logIn(stranger.email(), Fixtures.PASSWORD);
        assertThat(outsider.get(path).status()).isEqualTo(404);
        assertThat(outsider.get(path + "/zip").status()).isEqualTo(404);

        String withdraw = filed.body().replaceAll("(?s).*action=\"(" + path + "/[0-9a-f-]+/intrekken)\".*", "$1");
        Browser.Page withdrawn = browser.post(withdraw, Map.of("csrfToken", filed.csrfToken()));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(303);
        assertThat(browser.get(withdrawn.header("Location")).body())
                .contains("Het stuk is uit het dossier gehaald.", "Het dossier is nog leeg.");
    }
}
