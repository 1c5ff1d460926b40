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

        // The secretary records that the phase ended on time after all; the same form again is stale.
        Browser.Page withLink = browser.get(detail);
        String edit = withLink.body().replaceAll("(?s).*href=\"(" + detail + "/phases/[0-9a-f-]+)\".*", "$1");
        Browser.Page form = browser.get(edit);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("Fase wijzigen: Plan van aanpak", "value=\"2017-03-08\"", "name=\"version\" value=\"0\"");
        Map<String, String> onTime = Map.of(
                "phaseName", "Plan van aanpak",
                "plannedStart", "2017-01-16",
                "plannedEnd", "2017-03-01",
                "actualStart", "2017-01-16",
                "actualEnd", "2017-03-01",
                "version", "0",
                "csrfToken", form.csrfToken());
        Browser.Page saved = browser.post(edit, onTime);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(browser.get(saved.header("Location")).body())
                .contains("De fase is opgeslagen.", "op tijd")
                .doesNotContain("7 dagen te laat afgerond");
        Browser.Page stale = browser.post(edit, onTime);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Iemand anders heeft dit intussen gewijzigd.");

        Browser reader = new Browser(server);
        reader.logIn(observer.email(), Fixtures.PASSWORD);
        assertThat(reader.get(edit).status()).isEqualTo(403);
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

    @Test
    void theDetailPageShowsLinkedMilestonesInTheirPhase() {
        CoalitionResponse coalition = fixtures.coalition("trajecten-mijlpalen", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "mijlpaal-secretary", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String token = api.login(secretary.email(), Fixtures.PASSWORD);
        String base = "/api/v1/coalitions/" + coalition.slug();
        String body = api.get(base + "/bodies", token).json().get(0).get("id").asText();
        String member = api.post(
                        base + "/members", token, Map.of("name", "Raster", "kind", "WELZIJN", "joinedOn", "2021-01-01"))
                .json()
                .get("id")
                .asText();
        Map<String, Object> subsidy = new java.util.HashMap<>(Map.of(
                "year", 2021,
                "title", "Opdracht preventie 2021",
                "scope", "Opdracht preventie 2021",
                "grantor", "Gemeente Deventer",
                "amountCents", 100L,
                "periodFrom", "2021-01-01",
                "periodUntil", "2021-12-31",
                "verantwoordingDue", "2022-05-01",
                "accountantThresholdCents", 100L,
                "varianceThresholdPct", "5.00"));
        String subsidyId =
                api.post(base + "/subsidies", token, subsidy).json().get("id").asText();
        String milestone = api.post(
                        base + "/subsidies/" + subsidyId + "/milestones",
                        token,
                        Map.of(
                                "memberId", member,
                                "title", "Overdracht caseload",
                                "dueOn", "2021-02-01",
                                "status", "DONE",
                                "doneOn", "2021-01-29"))
                .json()
                .get("milestones")
                .get(0)
                .get("id")
                .asText();
        var traject = api.post(
                        base + "/trajects",
                        token,
                        Map.of(
                                "title",
                                "Van preventie naar potentie 2021",
                                "ownerBodyId",
                                body,
                                "phases",
                                java.util.List.of(Map.of(
                                        "name", "Ontschot werken",
                                        "plannedStart", "2021-01-01",
                                        "plannedEnd", "2021-07-01",
                                        "actualStart", "2021-01-04"))))
                .json();
        String id = traject.get("id").asText();
        String phase = traject.get("phases").get(0).get("id").asText();
        assertThat(api.post(
                                base + "/trajects/" + id + "/milestones",
                                token,
                                Map.of("milestoneId", milestone, "phaseId", phase))
                        .status())
                .isEqualTo(200);

        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        Browser.Page page = browser.get("/c/" + coalition.slug() + "/trajecten/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Overdracht caseload", "01-02-2021", "Gereed", "op 29-01-2021", "Raster")
                .contains("Bezig", "dagen over de geplande einddatum", "1 gereed, 0 open, 0 verlopen");
        assertThat(browser.get("/c/" + coalition.slug() + "/trajecten").body())
                .contains("Van preventie naar potentie 2021", "0 van 1", "Ontschot werken");
    }
}
