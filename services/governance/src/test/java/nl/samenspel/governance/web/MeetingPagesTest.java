package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The meeting pages over plain HTTP: who sees which forms, what a refused form shows, English. */
@MicronautTest(transactional = false)
class MeetingPagesTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    Account secretary;
    Account observer;
    String bearer;
    String meetingPath;
    String meetingTitle;
    String alvId;
    LocalDate meetingDay;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("meeting-pages", LegalForm.COOPERATIE_UA);
        secretary = fixtures.member(coalition, "meeting-pages-secretary", CoalitionRole.SECRETARY);
        observer = fixtures.member(coalition, "meeting-pages-observer", CoalitionRole.OBSERVER);
        bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        String slug = "/api/v1/coalitions/" + coalition.slug();
        String alv = null;
        for (JsonNode b : api.get(slug + "/bodies", bearer).json()) {
            if (b.get("kind").asText().equals("ALV")) {
                alv = b.get("id").asText();
            }
        }
        JsonNode body = api.get(slug + "/bodies/" + alv, bearer).json();
        Api.Response decides = api.put(
                slug + "/bodies/" + alv,
                bearer,
                Map.of(
                        "name", body.get("name").asText(),
                        "mandate", "Hoogste orgaan van de coöperatie.",
                        "decisionTypes", List.of("ORDINARY", "BUDGET", "STATUTE_AMENDMENT"),
                        "formal", true,
                        "version", body.get("version").asInt()));
        assertThat(decides.status()).as(decides.toString()).isEqualTo(200);
        meetingTitle = "Algemene ledenvergadering " + Fixtures.unique("");
        alvId = alv;
        meetingDay = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(3);
        String startsAt = meetingDay
                .atTime(19, 30)
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .toOffsetDateTime()
                .toString();
        Api.Response created = api.post(
                slug + "/meetings",
                bearer,
                Map.of(
                        "bodyId", alv,
                        "title", meetingTitle,
                        "startsAt", startsAt,
                        "location", "Dorpshuis De Schans, Woudenberg",
                        "agenda", List.of(Map.of("title", "Opening", "kind", "INFORMATION"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        meetingPath = "/c/" + coalition.slug() + "/meetings/"
                + created.json().get("id").asText();
    }

    private Browser as(Account account) {
        Browser browser = new Browser(server);
        browser.logIn(account.email(), Fixtures.PASSWORD);
        return browser;
    }

    @Test
    void anObserverFollowsTheMeetingButGetsNoFormsAndA403OnEveryPost() {
        Browser browser = as(observer);
        Browser.Page page = browser.get(meetingPath);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(meetingTitle, "Opening", "Dorpshuis De Schans", "Quorum");
        assertThat(page.body())
                .doesNotContain("Agendapunt toevoegen", "Oproeping versturen", "Aanwezigheid opslaan", "type=\"file\"");
        assertThat(browser.get("/c/" + coalition.slug() + "/meetings").body())
                .contains(meetingTitle)
                .doesNotContain("/meetings/new");
        String csrf = page.csrfToken();
        for (String action : List.of("/agenda", "/convene", "/cancel", "/attendance", "/minutes", "/actions")) {
            Browser.Page refused = browser.post(
                    meetingPath + action,
                    Map.of("csrfToken", csrf, "itemTitle", "Binnengesmokkeld", "itemKind", "INFORMATION"));
            assertThat(refused.status()).as(action).isEqualTo(403);
        }
        assertThat(browser.get("/c/" + coalition.slug() + "/meetings/new").status())
                .isEqualTo(403);
        assertThat(api.get(meetingPath.replace("/c/", "/api/v1/coalitions/"), bearer)
                        .body())
                .doesNotContain("Binnengesmokkeld");
    }

    @Test
    void aDecisionItemTooCloseToTheMeetingShowsTheRuleAndKeepsWhatWasTyped() {
        Browser browser = as(secretary);
        String csrf = browser.get(meetingPath).csrfToken();
        Browser.Page refused = browser.post(
                meetingPath + "/agenda",
                Map.of(
                        "csrfToken", csrf,
                        "itemTitle", "Statutenwijziging artikel 7",
                        "itemKind", "DECISION",
                        "decisionType", "STATUTE_AMENDMENT"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Te kort dag voor een besluitvormende vergadering")
                .contains("standaardregels van deze coalitievorm")
                .contains("ten minste 7 dagen")
                .contains("value=\"Statutenwijziging artikel 7\"");
        assertThat(browser.get(meetingPath).body()).doesNotContain("Statutenwijziging artikel 7");
    }

    @Test
    void theMeetingFormReportsEachMissingFieldAndAnImpossibleTime() {
        Browser browser = as(secretary);
        String csrf = browser.get("/c/" + coalition.slug() + "/meetings/new").csrfToken();
        Browser.Page refused = browser.post(
                "/c/" + coalition.slug() + "/meetings/new",
                Map.of("csrfToken", csrf, "title", "", "date", "2027-02-30", "startTime", "25:00"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("href=\"#bodyId\"", "href=\"#title\"", "href=\"#date\"", "href=\"#startTime\"")
                .contains("Vul een geldige tijd in (uu:mm).");
    }

    @Test
    void theMeetingPagesSpeakEnglishToo() {
        Browser browser = as(secretary);
        browser.get("/lang?to=en&back=/");
        Browser.Page page = browser.get(meetingPath);
        assertThat(page.body())
                .contains("<html lang=\"en\"", "Attendance", "Add an agenda item", "Send the convocation");
        assertThat(browser.get("/c/" + coalition.slug() + "/meetings").body())
                .contains("Upcoming meetings", meetingTitle);
    }

    @Test
    void theOverviewShowsTheComingMeetingAndTheNextOneIsProposedByTheRhythm() {
        Browser browser = as(secretary);
        assertThat(browser.get("/c/" + coalition.slug()).body())
                .contains("Komende vergaderingen", meetingTitle)
                .doesNotContain("open actiepunt");
        String meetingApi = meetingPath.replace("/c/", "/api/v1/coalitions/");
        for (String action : List.of("Statuten ter inzage leggen", "Zaal reserveren")) {
            assertThat(api.post(
                                    meetingApi + "/actions",
                                    bearer,
                                    Map.of("description", action, "ownerName", "Secretaris"))
                            .status())
                    .isEqualTo(201);
        }
        assertThat(browser.get("/c/" + coalition.slug()).body()).contains("2 open actiepunten");

        String proposed = browser.get("/c/" + coalition.slug() + "/meetings/new?after="
                        + meetingPath.substring(meetingPath.lastIndexOf('/') + 1))
                .body();
        assertThat(proposed)
                .as("without a rhythm, four weeks on")
                .contains("value=\"" + meetingDay.plusWeeks(4) + "\"", "value=\"19:30\"", "Dorpshuis De Schans");

        Api.Response rhythm = api.put(
                "/api/v1/coalitions/" + coalition.slug() + "/bodies/" + alvId + "/rhythm",
                bearer,
                Map.of("phases", List.of(Map.of("everyWeeks", 3))));
        assertThat(rhythm.status()).as(rhythm.toString()).isEqualTo(200);
        proposed = browser.get("/c/" + coalition.slug() + "/meetings/new?after="
                        + meetingPath.substring(meetingPath.lastIndexOf('/') + 1))
                .body();
        assertThat(proposed).as("every three weeks").contains("value=\"" + meetingDay.plusWeeks(3) + "\"");

        Api.Response ending = api.put(
                "/api/v1/coalitions/" + coalition.slug() + "/bodies/" + alvId + "/rhythm",
                bearer,
                Map.of(
                        "phases",
                        List.of(Map.of(
                                "everyWeeks", 1, "until", meetingDay.plusDays(1).toString()))));
        assertThat(ending.status()).as(ending.toString()).isEqualTo(200);
        Browser.Page afterTheRhythm = browser.get("/c/" + coalition.slug() + "/meetings/new?after="
                + meetingPath.substring(meetingPath.lastIndexOf('/') + 1));
        assertThat(afterTheRhythm.status()).as("a rhythm that has run out").isEqualTo(200);
        assertThat(afterTheRhythm.body()).contains("value=\"" + meetingDay.plusWeeks(4) + "\"");
    }
}
