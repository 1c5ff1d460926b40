package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
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
 * The publications pages: the secretary publishes a progress report from the traject page; a staff
 * member lands on the publications, reads it, and gets 404 on every other page; a withdrawn
 * publication is gone; another coalition's users see nothing.
 */
@MicronautTest(transactional = false)
class PublicationPagesTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Test
    void theSecretaryPublishesAReportAndStaffReadsItAndNothingElse() {
        CoalitionResponse coalition = fixtures.coalition("publicaties-pagina", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "pub-page-secretary", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String token = api.login(secretary.email(), Fixtures.PASSWORD);
        String base = "/api/v1/coalitions/" + coalition.slug();
        String body = api.get(base + "/bodies", token).json().get(0).get("id").asText();
        String traject = api.post(
                        base + "/trajects",
                        token,
                        Map.of("title", "Jaarplan 2021", "description", "Vijf lijnen.", "ownerBodyId", body))
                .json()
                .get("id")
                .asText();
        String member = api.post(
                        base + "/members",
                        token,
                        Map.of("name", "Raster " + Fixtures.unique("m"), "kind", "WELZIJN", "joinedOn", "2021-01-01"))
                .json()
                .get("id")
                .asText();
        Account employee = fixtures.account("pub-page-medewerker");
        assertThat(api.post(base + "/staff", token, Map.of("email", employee.email(), "memberId", member))
                        .status())
                .isEqualTo(201);
        String path = "/c/" + coalition.slug();

        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        Browser.Page trajectPage = browser.get(path + "/trajecten/" + traject);
        assertThat(trajectPage.body()).contains("Voortgangsrapportage publiceren");
        Browser.Page published = browser.post(
                path + "/publicaties",
                Map.of(
                        "publicationKind", "REPORT",
                        "trajectId", traject,
                        "publicationTitle", "Voortgang <eerste> kwartaal",
                        "publicationBody", "De lijnen lopen.\nDe klankbordgroep is gestart.",
                        "csrfToken", trajectPage.csrfToken()));
        assertThat(published.status()).as(published.body()).isEqualTo(303);
        String detail = published.header("Location").replaceAll("\\?.*", "");
        Browser.Page shown = browser.get(published.header("Location"));
        assertThat(shown.body())
                .contains(
                        "De publicatie staat online.",
                        "Voortgang &lt;eerste&gt; kwartaal",
                        "Voortgangsrapportage",
                        "traject Jaarplan 2021",
                        "Intrekken");
        Browser.Page decision = browser.post(
                path + "/publicaties",
                Map.of(
                        "publicationKind", "DECISION",
                        "publicationTitle", "Besluit over de formatie",
                        "publicationBody", "Vastgesteld.",
                        "csrfToken", shown.csrfToken()));
        assertThat(decision.status()).isEqualTo(303);
        String decisionPath = decision.header("Location").replaceAll("\\?.*", "");
        Browser.Page list = browser.get(path + "/publicaties");
        Browser.Page withdrawn = browser.post(decisionPath + "/withdraw", Map.of("csrfToken", list.csrfToken()));
        assertThat(withdrawn.status()).isEqualTo(303);
        assertThat(browser.get(withdrawn.header("Location")).body())
                .contains("De publicatie is ingetrokken.", "ingetrokken");

        Browser staff = new Browser(server);
        staff.logIn(employee.email(), Fixtures.PASSWORD);
        Browser.Page start = staff.get("/");
        assertThat(start.status()).isEqualTo(303);
        assertThat(start.header("Location")).isEqualTo(path + "/publicaties");
        Browser.Page staffList = staff.get(path + "/publicaties");
        assertThat(staffList.status()).isEqualTo(200);
        assertThat(staffList.body())
                .contains("aria-current=\"page\">Publicaties", "Voortgang &lt;eerste&gt; kwartaal", "Feedlink maken")
                .doesNotContain(
                        "Besluit over de formatie",
                        ">Leden<",
                        ">Verantwoording<",
                        ">Trajecten<",
                        "Publiceren</legend>");
        Browser.Page staffDetail = staff.get(detail);
        assertThat(staffDetail.status()).isEqualTo(200);
        assertThat(staffDetail.body()).contains("De klankbordgroep is gestart.").doesNotContain("Intrekken");
        assertThat(staff.get(decisionPath).status()).isEqualTo(404);
        for (String page : List.of(
                path,
                path + "/members",
                path + "/bodies",
                path + "/meetings",
                path + "/proposals",
                path + "/documents",
                path + "/signing",
                path + "/trajecten",
                path + "/trajecten/" + traject,
                path + "/verantwoording",
                path + "/audit")) {
            assertThat(staff.get(page).status()).as(page).isEqualTo(404);
        }
        Browser.Page feed = staff.post(path + "/publicaties/feed-link", Map.of("csrfToken", staffList.csrfToken()));
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).containsPattern("/atom/[A-Za-z0-9_-]+\\.atom");
        assertThat(staff.post(
                                path + "/publicaties",
                                Map.of(
                                        "publicationKind", "REPORT",
                                        "publicationTitle", "x",
                                        "publicationBody", "y",
                                        "csrfToken", staffList.csrfToken()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theSecretaryPublishesADocumentFromTheDocumentsPageAndStaffDownloadsIt() {
        CoalitionResponse coalition = fixtures.coalition("publicaties-document", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "pub-doc-secretary", CoalitionRole.SECRETARY);
        Account employee = fixtures.member(coalition, "pub-doc-medewerker", CoalitionRole.STAFF);
        Api api = new Api(server);
        String token = api.login(secretary.email(), Fixtures.PASSWORD);
        byte[] pdf = new nl.samenspel.documents.render.DocumentRenderer()
                .render(new nl.samenspel.documents.model.StatuteVersionDocument(
                        coalition.name(),
                        "samenwerkingsverband",
                        1,
                        "Jaarplan",
                        java.time.LocalDate.of(2026, 1, 1),
                        List.of(new nl.samenspel.documents.model.StatuteVersionDocument.Article(
                                "1", "Doel", "Samen preventie."))));
        Api.Multipart file = Api.Multipart.file("jaarplan.pdf", "application/pdf", pdf);
        String document = api.send(
                        "POST",
                        "/api/v1/coalitions/" + coalition.slug() + "/documents",
                        token,
                        file.contentType(),
                        file.bytes())
                .json()
                .get("id")
                .asText();
        String path = "/c/" + coalition.slug();
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        Browser.Page documents = browser.get(path + "/documents");
        assertThat(documents.body()).contains("Publiceren voor medewerkers", "value=\"" + document + "\"");
        Browser.Page published = browser.post(
                path + "/publicaties",
                Map.of(
                        "publicationKind",
                        "DOCUMENT",
                        "documentId",
                        document,
                        "publicationTitle",
                        "jaarplan",
                        "csrfToken",
                        documents.csrfToken()));
        assertThat(published.status()).as(published.body()).isEqualTo(303);
        String detail = published.header("Location").replaceAll("\\?.*", "");

        Browser staff = new Browser(server);
        staff.logIn(employee.email(), Fixtures.PASSWORD);
        assertThat(staff.get(detail).body()).contains("Download jaarplan.pdf");
        Browser.Page download = staff.get(detail + "/document");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/pdf");
        assertThat(staff.get(path + "/documents").status()).isEqualTo(404);
        String staffToken = api.login(employee.email(), Fixtures.PASSWORD);
        assertThat(api.get("/api/v1/coalitions/" + coalition.slug() + "/documents/" + document + "/content", staffToken)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPublicationWithoutTitleOrTextIsRefusedAtTheField() {
        CoalitionResponse coalition = fixtures.coalition("publicaties-fout", LegalForm.COOPERATIE_UA);
        Account secretary = fixtures.member(coalition, "pub-fout-secretary", CoalitionRole.SECRETARY);
        String path = "/c/" + coalition.slug() + "/publicaties";
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        Browser.Page empty = browser.get(path);
        assertThat(empty.body()).contains("Nog geen publicaties.", "Publiceren");
        Browser.Page noTitle = browser.post(
                path,
                Map.of(
                        "publicationKind", "REPORT",
                        "publicationTitle", "",
                        "publicationBody", "Tekst blijft staan",
                        "csrfToken", empty.csrfToken()));
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.body()).contains("href=\"#publicationTitle\"", "Tekst blijft staan");
        Browser.Page noText = browser.post(
                path,
                Map.of(
                        "publicationKind", "DECISION",
                        "publicationTitle", "Besluit",
                        "publicationBody", " ",
                        "csrfToken", empty.csrfToken()));
        assertThat(noText.status()).isEqualTo(422);
        assertThat(noText.body()).contains("href=\"#publicationBody\"", "Schrijf de tekst die u publiceert.");
        Browser.Page noDocument = browser.post(
                path,
                Map.of(
                        "publicationKind", "DOCUMENT",
                        "publicationTitle", "Bijlage",
                        "documentId", "",
                        "csrfToken", empty.csrfToken()));
        assertThat(noDocument.status()).isEqualTo(422);
        assertThat(noDocument.body()).contains("href=\"#documentId\"");
    }

    @Test
    void anotherCoalitionsUsersGet404OnThePublicationsPages() {
        CoalitionResponse coalition = fixtures.coalition("publicaties-eigen", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "pub-eigen-secretary", CoalitionRole.SECRETARY);
        CoalitionResponse other = fixtures.coalition("publicaties-ander", LegalForm.SAMENWERKINGSVERBAND);
        Account stranger = fixtures.member(other, "pub-ander-secretary", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String id = api.post(
                        "/api/v1/coalitions/" + coalition.slug() + "/publications",
                        api.login(secretary.email(), Fixtures.PASSWORD),
                        Map.of("kind", "PLAN", "title", "Jaarplan", "body", "Het plan."))
                .json()
                .get("id")
                .asText();
        Browser browser = new Browser(server);
        browser.logIn(stranger.email(), Fixtures.PASSWORD);
        String path = "/c/" + coalition.slug() + "/publicaties";
        assertThat(browser.get(path).status()).isEqualTo(404);
        assertThat(browser.get(path + "/" + id).status()).isEqualTo(404);
        assertThat(browser.get(path + "/" + id + "/document").status()).isEqualTo(404);
        assertThat(browser.get("/c/" + other.slug() + "/publicaties/" + id).status())
                .isEqualTo(404);
    }
}
