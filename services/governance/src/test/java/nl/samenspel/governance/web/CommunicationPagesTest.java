package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
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
 * The krachtenveld page and the traject page's milestone and communication forms: the secretary adds a
 * stakeholder, a milestone and a communication moment and marks it done; refusals show at the field;
 * others read; another coalition sees nothing.
 */
@MicronautTest(transactional = false)
class CommunicationPagesTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Test
    void theSecretaryFillsTheKrachtenveldAndPlansCommunicationOnATraject() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        CoalitionResponse coalition = fixtures.coalition("krachtenveld", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "kv-secretary", CoalitionRole.SECRETARY);
        Account observer = fixtures.member(coalition, "kv-observer", CoalitionRole.OBSERVER);
        CoalitionResponse other = fixtures.coalition("krachtenveld-ander", LegalForm.COOPERATIE_UA);
        Account outsider = fixtures.member(other, "kv-outsider", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String token = api.login(secretary.email(), Fixtures.PASSWORD);
        String base = "/api/v1/coalitions/" + coalition.slug();
        String body = api.get(base + "/bodies", token).json().get(0).get("id").asText();
        String member = api.post(
                        base + "/members", token, Map.of("name", "Raster", "kind", "WELZIJN", "joinedOn", "2021-01-01"))
                .json()
                .get("id")
                .asText();
        Map<String, Object> subsidy = new HashMap<>(Map.of(
                "year",
                today.getYear(),
                "title",
                "Opdracht preventie " + today.getYear(),
                "scope",
                "Opdracht preventie",
                "grantor",
                "Gemeente Deventer",
                "amountCents",
                100L,
                "periodFrom",
                today.getYear() + "-01-01",
                "periodUntil",
                today.getYear() + "-12-31",
                "verantwoordingDue",
                (today.getYear() + 1) + "-05-01",
                "accountantThresholdCents",
                100L,
                "varianceThresholdPct",
                "5.00"));
        String subsidyId =
                api.post(base + "/subsidies", token, subsidy).json().get("id").asText();
        var traject = api.post(
                        base + "/trajects",
                        token,
                        Map.of(
                                "title",
                                "Oprichting coöperatie",
                                "ownerBodyId",
                                body,
                                "phases",
                                java.util.List.of(Map.of(
                                        "name", "Besluitvorming",
                                        "plannedStart", today.minusDays(20).toString(),
                                        "plannedEnd", today.plusDays(40).toString()))))
                .json();
        String detail =
                "/c/" + coalition.slug() + "/trajecten/" + traject.get("id").asText();
        String phase = traject.get("phases").get(0).get("id").asText();
        String krachtenveld = "/c/" + coalition.slug() + "/krachtenveld";

        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        Browser.Page empty = browser.get(krachtenveld);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body())
                .contains(
                        "aria-current=\"page\">Krachtenveld", "Nog geen belanghebbenden.", "Belanghebbende toevoegen");
        Browser.Page noLevel = browser.post(
                krachtenveld,
                Map.of("stakeholderName", "Gemeenteraad", "interestLevel", "HIGH", "csrfToken", empty.csrfToken()));
        assertThat(noLevel.status()).isEqualTo(422);
        assertThat(noLevel.body()).contains("href=\"#influence\"", "value=\"Gemeenteraad\"");
        Browser.Page added = browser.post(
                krachtenveld,
                Map.of(
                        "stakeholderName", "Gemeenteraad",
                        "stakeholderDescription", "Gemeente Woudenberg",
                        "stakeholderInterest", "Wensen en bedenkingen bij de oprichting",
                        "influence", "HIGH",
                        "interestLevel", "HIGH",
                        "csrfToken", empty.csrfToken()));
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        Browser.Page list = browser.get(added.header("Location"));
        assertThat(list.body())
                .contains("De belanghebbende is toegevoegd.", "Gemeenteraad", "Wensen en bedenkingen", "Nauw betrekken")
                .contains("Invloed: Hoog", "Belangstelling: Laag");
        Browser.Page taken = browser.post(
                krachtenveld,
                Map.of(
                        "stakeholderName", "gemeenteraad",
                        "influence", "LOW",
                        "interestLevel", "LOW",
                        "csrfToken", empty.csrfToken()));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.body()).contains("Het krachtenveld heeft al een belanghebbende met deze naam.");

        String edit = list.body().replaceAll("(?s).*href=\"(" + krachtenveld + "/[0-9a-f-]+)\".*", "$1");
        String stakeholderId = edit.substring(edit.lastIndexOf('/') + 1);
        Browser.Page form = browser.get(edit);
        assertThat(form.body()).contains("Belanghebbende wijzigen: Gemeenteraad", "name=\"version\" value=\"0\"");
        Map<String, String> lower = Map.of(
                "stakeholderName", "Gemeenteraad",
                "influence", "HIGH",
                "interestLevel", "LOW",
                "version", "0",
                "csrfToken", form.csrfToken());
        Browser.Page saved = browser.post(edit, lower);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(browser.get(saved.header("Location")).body())
                .contains("De belanghebbende is opgeslagen.", "Tevreden houden");
        assertThat(browser.post(edit, lower).status()).as("stale").isEqualTo(409);

        // The traject page: a milestone, then a moment for it that is already late.
        Browser.Page page = browser.get(detail);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Mijlpaal toevoegen", "Communicatie", "Nog geen communicatiemomenten.")
                .contains("Communicatiemoment toevoegen", "Gemeenteraad");
        Browser.Page noTitle = browser.post(
                detail + "/milestones",
                Map.of(
                        "milestoneSubsidyId",
                        subsidyId,
                        "milestoneMemberId",
                        member,
                        "milestoneDueOn",
                        today.plusDays(30).toString(),
                        "csrfToken",
                        page.csrfToken()));
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.body()).contains("href=\"#milestoneTitle\"");
        Browser.Page milestone = browser.post(
                detail + "/milestones",
                Map.of(
                        "milestoneTitle",
                        "Besluit college over oprichting",
                        "milestoneSubsidyId",
                        subsidyId,
                        "milestoneMemberId",
                        member,
                        "milestoneDueOn",
                        today.plusDays(30).toString(),
                        "milestonePhaseId",
                        phase,
                        "csrfToken",
                        page.csrfToken()));
        assertThat(milestone.status()).as(milestone.body()).isEqualTo(303);
        Browser.Page withMilestone = browser.get(milestone.header("Location"));
        assertThat(withMilestone.body())
                .contains("De mijlpaal is toegevoegd.", "Besluit college over oprichting", "Raster");
        String milestoneId = api.get(base + "/trajects/" + traject.get("id").asText(), token)
                .json()
                .get("milestones")
                .get(0)
                .get("milestoneId")
                .asText();

        Browser.Page nobody = browser.post(
                detail + "/communicatie",
                Map.of(
                        "commMessage", "Uitnodiging informatieavond",
                        "commChannel", "BRIEF",
                        "commPlannedOn", today.minusDays(3).toString(),
                        "commResponsible", "Stuurgroep",
                        "csrfToken", page.csrfToken()));
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.body()).contains("href=\"#commStakeholderIds\"", "value=\"Uitnodiging informatieavond\"");
        Browser.Page planned = browser.post(
                detail + "/communicatie",
                Map.of(
                        "commStakeholderIds",
                        stakeholderId,
                        "commMessage",
                        "Uitnodiging informatieavond",
                        "commChannel",
                        "BRIEF",
                        "commPlannedOn",
                        today.minusDays(3).toString(),
                        "commResponsible",
                        "Stuurgroep",
                        "commMilestoneId",
                        milestoneId,
                        "csrfToken",
                        page.csrfToken()));
        assertThat(planned.status()).as(planned.body()).isEqualTo(303);
        Browser.Page late = browser.get(planned.header("Location"));
        assertThat(late.body())
                .contains("Het communicatiemoment is toegevoegd.", "Uitnodiging informatieavond", "Brief", "Stuurgroep")
                .contains("class=\"badge warning\">te laat<", ">Afgerond<");
        String done = late.body().replaceAll("(?s).*action=\"(" + detail + "/communicatie/[0-9a-f-]+/done)\".*", "$1");
        Browser.Page marked = browser.post(done, Map.of("version", "0", "csrfToken", late.csrfToken()));
        assertThat(marked.status()).as(marked.body()).isEqualTo(303);
        String fmt = today.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        assertThat(browser.get(marked.header("Location")).body())
                .contains("Het communicatiemoment is afgerond.", "afgerond op " + fmt)
                .doesNotContain("class=\"badge warning\">te laat<");
        assertThat(browser.post(done, Map.of("version", "0", "csrfToken", late.csrfToken()))
                        .status())
                .isEqualTo(409);

        Browser reader = new Browser(server);
        reader.logIn(observer.email(), Fixtures.PASSWORD);
        Browser.Page read = reader.get(detail);
        assertThat(read.body())
                .contains("Uitnodiging informatieavond", "afgerond op " + fmt)
                .doesNotContain("Communicatiemoment toevoegen", "Mijlpaal toevoegen");
        assertThat(reader.get(krachtenveld).body()).contains("Gemeenteraad").doesNotContain("Belanghebbende toevoegen");
        assertThat(reader.get(edit).status()).isEqualTo(403);
        assertThat(reader.post(
                                detail + "/communicatie",
                                Map.of("commStakeholderIds", stakeholderId, "csrfToken", read.csrfToken()))
                        .status())
                .isEqualTo(403);

        Browser stranger = new Browser(server);
        stranger.logIn(outsider.email(), Fixtures.PASSWORD);
        assertThat(stranger.get(krachtenveld).status()).isEqualTo(404);
        assertThat(stranger.get(edit).status()).isEqualTo(404);
        assertThat(stranger.get("/c/" + other.slug() + "/krachtenveld/" + stakeholderId)
                        .status())
                .isEqualTo(404);
    }
}
