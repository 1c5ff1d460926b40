package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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

/** The trajects pages: the secretary starts a traject and adds phases; refusals show at the field; others read. */
@MicronautTest(transactional = false)
class TrajectPagesTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Test
    void theSecretaryStartsATrajectAddsAPhaseAndAnObserverReadsIt() {
        CoalitionResponse coalition = fixtures.coalition("trajecten-pagina", LegalForm.COOPERATIE_UA);
        Account secretary = fixtures.member(coalition, "traject-secretary", CoalitionRole.SECRETARY);
        Account observer = fixtures.member(coalition, "traject-observer", CoalitionRole.OBSERVER);
        Api api = new Api(server);
        String token = api.login(secretary.email(), Fixtures.PASSWORD);
        String body = api.get("/api/v1/coalitions/" + coalition.slug() + "/bodies", token)
                .json()
                .get(0)
                .get("id")
                .asText();
        String path = "/c/" + coalition.slug() + "/trajecten";

        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        Browser.Page empty = browser.get(path);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body())
                .contains("aria-current=\"page\">Trajecten", "Nog geen trajecten.", "Traject toevoegen");

        Browser.Page noBody = browser.post(
                path,
                Map.of("trajectTitle", "Oprichting coöperatie", "ownerBodyId", "", "csrfToken", empty.csrfToken()));
        assertThat(noBody.status()).isEqualTo(422);
        assertThat(noBody.body()).contains("href=\"#ownerBodyId\"", "value=\"Oprichting coöperatie\"");

        Browser.Page created = browser.post(
                path,
                Map.of(
                        "trajectTitle",
                        "Oprichting coöperatie",
                        "ownerBodyId",
                        body,
                        "trajectDescription",
                        "In vijf stappen.",
                        "csrfToken",
                        empty.csrfToken()));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String detail = created.header("Location").replaceAll("\\?.*", "");
        Browser.Page page = browser.get(created.header("Location"));
        assertThat(page.body())
                .contains("Het traject is aangemaakt.", "In vijf stappen.", "Nog geen fasen.", "Fase toevoegen");

        Browser.Page backwards = browser.post(
                detail + "/phases",
                Map.of(
                        "phaseName", "Plan van aanpak",
                        "plannedStart", "2017-03-01",
                        "plannedEnd", "2017-01-16",
                        "csrfToken", page.csrfToken()));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.body())
                .contains("href=\"#plannedEnd\"", "De geplande einddatum ligt voor de geplande begindatum.")
                .contains("value=\"Plan van aanpak\"");

        Browser.Page added = browser.post(
                detail + "/phases",
                Map.of(
                        "phaseName", "Plan van aanpak",
                        "plannedStart", "2017-01-16",
                        "plannedEnd", "2017-03-01",
                        "actualStart", "2017-01-16",
                        "actualEnd", "2017-03-08",
                        "csrfToken", page.csrfToken()));
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        assertThat(browser.get(added.header("Location")).body())
                .contains(
                        "De fase is toegevoegd.",
                        "Plan van aanpak",
                        "16-01-2017",
                        "Afgerond",
                        "7 dagen te laat afgerond");

        Browser.Page duplicate = browser.post(
                detail + "/phases",
                Map.of(
                        "phaseName", "plan van aanpak",
                        "plannedStart", "2017-03-01",
                        "plannedEnd", "2017-04-03",
                        "csrfToken", page.csrfToken()));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Dit traject heeft al een fase met deze naam.");

        Browser reader = new Browser(server);
        reader.logIn(observer.email(), Fixtures.PASSWORD);
        Browser.Page list = reader.get(path);
        assertThat(list.body()).contains("Oprichting coöperatie", "1 van 1").doesNotContain("Traject toevoegen");
        Browser.Page read = reader.get(detail);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("Plan van aanpak").doesNotContain("Fase toevoegen");
        assertThat(reader.post(
                                detail + "/phases",
                                Map.of(
                                        "phaseName", "Stiekem",
                                        "plannedStart", "2017-03-01",
                                        "plannedEnd", "2017-04-03",
                                        "csrfToken", read.csrfToken()))
                        .status())
                .isEqualTo(403);
    }
}
