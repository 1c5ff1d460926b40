package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** The proposal pages over plain HTTP: who sees which forms, a 403 for the observer, a refused form, English. */
@MicronautTest(transactional = false)
class ProposalPagesTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    Account secretary;
    Account observer;
    final List<Account> representatives = new ArrayList<>();
    final List<String> memberIds = new ArrayList<>();
    String proposalPath;
    String title;
    String bearer;
    String bodyId;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("proposal-pages", LegalForm.SAMENWERKINGSVERBAND);
        secretary = fixtures.member(coalition, "proposal-pages-secretary", CoalitionRole.SECRETARY);
        observer = fixtures.member(coalition, "proposal-pages-observer", CoalitionRole.OBSERVER);
        bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        String slug = "/api/v1/coalitions/" + coalition.slug();
        String body = stuurgroep(api, bearer, slug);
        bodyId = body;
        for (String name : List.of("Raster", "De Kern")) {
            String id = seatedMember(api, bearer, slug, body, name + " " + Fixtures.unique(""));
            memberIds.add(id);
            representatives.add(fixtures.representative(coalition, UUID.fromString(id), "proposal-pages-rep"));
        }
        title = "Jaarplan " + Fixtures.unique("");
        Api.Response drafted = api.post(
                slug + "/proposals",
                bearer,
                Map.of(
                        "title", title,
                        "text", "Het jaarplan vaststellen.",
                        "decisionType", "ORDINARY",
                        "bodyId", body,
                        "mode", "WRITTEN"));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String id = drafted.json().get("id").asText();
        Api.Response opened = api.post(
                slug + "/proposals/" + id + "/opening",
                bearer,
                Map.of("closesAt", OffsetDateTime.now().plusDays(7).toString(), "version", 0));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        proposalPath = "/c/" + coalition.slug() + "/proposals/" + id;
    }

    /** The steering group, allowed to take ordinary decisions. */
    static String stuurgroep(Api api, String bearer, String slug) {
        for (JsonNode b : api.get(slug + "/bodies", bearer).json()) {
            if (b.get("kind").asText().equals("STUURGROEP")) {
                String id = b.get("id").asText();
                Api.Response decides = api.put(
                        slug + "/bodies/" + id,
                        bearer,
                        Map.of(
                                "name", b.get("name").asText(),
                                "decisionTypes", List.of("ORDINARY", "BUDGET"),
                                "formal", true,
                                "version", b.get("version").asInt()));
                assertThat(decides.status()).as(decides.toString()).isEqualTo(200);
                return id;
            }
        }
        throw new IllegalStateException("no steering group");
    }

    /** A member with a seat in the body, entitled to vote there. */
    static String seatedMember(Api api, String bearer, String slug, String body, String name) {
        Api.Response created =
                api.post(slug + "/members", bearer, Map.of("name", name, "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Api.Response seat = api.post(
                slug + "/bodies/" + body + "/seats",
                bearer,
                Map.of("memberId", id, "personName", "Bestuurder " + name, "role", "MEMBER", "termFrom", "2021-01-01"));
        assertThat(seat.status()).as(seat.toString()).isEqualTo(201);
        return id;
    }

    private Browser as(Account account) {
        Browser browser = new Browser(server);
        browser.logIn(account.email(), Fixtures.PASSWORD);
        return browser;
    }

    @Test
    void anObserverFollowsTheProposalButGetsNoFormsAndA403OnEveryPost() {
        Browser browser = as(observer);
        Browser.Page page = browser.get(proposalPath);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(title, "Het jaarplan vaststellen.", "stemming open", "Stemgerechtigden");
        assertThat(page.body())
                .doesNotContain(
                        "name=\"choice\"", "Stemming nu sluiten", "Volmacht geven", "Tegenstrijdig belang melden");
        Browser.Page list = browser.get("/c/" + coalition.slug() + "/proposals");
        assertThat(list.body())
                .contains(title, "aria-current=\"page\">Voorstellen")
                .doesNotContain("/proposals/new");
        String csrf = page.csrfToken();
        Map<String, Map<String, String>> posts = Map.of(
                "/open", Map.of("closesDate", "2030-01-01", "closesTime", "17:00", "version", "0"),
                "/close", Map.of(),
                "/vote", Map.of("choice", "FOR"),
                "/proxy", Map.of("grantorId", memberIds.get(0), "holderId", memberIds.get(1)),
                "/conflict", Map.of("conflictMemberId", memberIds.get(0), "reason", "Binnengesmokkeld"));
        posts.forEach((action, fields) -> {
            Map<String, String> form = new java.util.HashMap<>(fields);
            form.put("csrfToken", csrf);
            assertThat(browser.post(proposalPath + action, form).status())
                    .as(action)
                    .isEqualTo(403);
        });
        assertThat(browser.get("/c/" + coalition.slug() + "/proposals/new").status())
                .isEqualTo(403);
        assertThat(browser.post(
                                "/c/" + coalition.slug() + "/proposals/new",
                                Map.of("csrfToken", csrf, "title", "Binnengesmokkeld", "mode", "WRITTEN"))
                        .status())
                .isEqualTo(403);
        assertThat(browser.get(proposalPath).body())
                .doesNotContain("Binnengesmokkeld")
                .contains("Er zijn geen volmachten.");
    }

    @Test
    void aRepresentativeSeesTheVotingFormWithItsChoicePreselected() {
        Browser browser = as(representatives.get(0));
        Browser.Page page = browser.get(proposalPath);
        assertThat(page.body())
                .contains("type=\"radio\" name=\"choice\"", "Voor", "Tegen", "Onthouding", "Stem uitbrengen")
                .doesNotContain("checked");
        Browser.Page refused = browser.post(proposalPath + "/vote", Map.of("csrfToken", page.csrfToken()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#choice\"", "Maak een keuze.");
        Browser.Page voted =
                browser.post(proposalPath + "/vote", Map.of("csrfToken", page.csrfToken(), "choice", "AGAINST"));
        assertThat(voted.status()).isEqualTo(303);
        assertThat(voted.header("Location")).endsWith("?done=voted#vote");
        Browser.Page after = browser.get(proposalPath + "?done=voted");
        assertThat(after.body())
                .contains("Uw stem is vastgelegd.", "Uw huidige stem: Tegen.")
                .containsPattern("value=\"AGAINST\"\\s+checked");
    }

    @Test
    void aFinalVoteIsShownInsteadOfTheForm() {
        String slug = "/api/v1/coalitions/" + coalition.slug();
        Map<String, Object> draft = new java.util.HashMap<>(Map.of(
                "title",
                "Begroting " + Fixtures.unique(""),
                "decisionType",
                "BUDGET",
                "bodyId",
                bodyId,
                "mode",
                "WRITTEN",
                "votesChangeable",
                false));
        String id =
                api.post(slug + "/proposals", bearer, draft).json().get("id").asText();
        assertThat(api.post(
                                slug + "/proposals/" + id + "/opening",
                                bearer,
                                Map.of(
                                        "closesAt",
                                        OffsetDateTime.now().plusDays(3).toString(),
                                        "version",
                                        0))
                        .status())
                .isEqualTo(200);
        String path = "/c/" + coalition.slug() + "/proposals/" + id;
        Browser browser = as(representatives.get(1));
        String csrf = browser.get(path).csrfToken();
        assertThat(browser.post(path + "/vote", Map.of("csrfToken", csrf, "choice", "ABSTAIN"))
                        .status())
                .isEqualTo(303);
        assertThat(browser.get(path).body())
                .contains("Uw lid stemde: Onthouding. Bij dit voorstel is de stem definitief.")
                .doesNotContain("name=\"choice\"");
        Browser.Page again = browser.post(path + "/vote", Map.of("csrfToken", csrf, "choice", "FOR"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Uw lid heeft al gestemd; stemmen veranderen bij dit voorstel niet.");
    }

    @Test
    void theRegisterFiltersByOutcomeAndShowsWhoDeclaredTheResult() {
        String slug = "/api/v1/coalitions/" + coalition.slug();
        String title = "Subsidieaanvraag " + Fixtures.unique("");
        String id = api.post(
                        slug + "/proposals",
                        bearer,
                        Map.of("title", title, "decisionType", "ORDINARY", "bodyId", bodyId, "mode", "WRITTEN"))
                .json()
                .get("id")
                .asText();
        assertThat(api.post(
                                slug + "/proposals/" + id + "/opening",
                                bearer,
                                Map.of(
                                        "closesAt",
                                        OffsetDateTime.now().plusDays(3).toString(),
                                        "version",
                                        0))
                        .status())
                .isEqualTo(200);
        Api.Response closed = api.post(slug + "/proposals/" + id + "/closing", bearer, Map.of());
        assertThat(closed.json().get("outcome").asText())
                .as("in writing, nobody voted")
                .isEqualTo("REJECTED");

        Browser browser = as(secretary);
        String register = "/c/" + coalition.slug() + "/decision-register";
        Browser.Page rejected = browser.get(register + "?outcome=REJECTED&q=" + title.replace(" ", "+"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body())
                .contains(
                        title,
                        "De secretaris, " + secretary.displayName() + ", stelt vast dat het voorstel buiten"
                                + " vergadering is verworpen.")
                .containsPattern("value=\"REJECTED\"\\s+selected")
                .contains("outcome=REJECTED");
        assertThat(browser.get(register + "?outcome=ADOPTED&q=" + title.replace(" ", "+"))
                        .body())
                .as("the search field keeps the words, the table has no row")
                .doesNotContain(">" + title + "</a>")
                .contains("Geen besluiten gevonden.");
        Browser.Page wrong = browser.get(register + "?outcome=MAYBE");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("href=\"#outcome\"");
        assertThat(browser.get("/c/" + coalition.slug() + "/proposals/" + id).body())
                .contains(
                        "Vaststelling van de uitslag:", "stelt vast dat het voorstel buiten vergadering is verworpen.");
    }

    @Test
    void theSecretaryEditsADraftUntilVotingOpens() {
        String slug = "/api/v1/coalitions/" + coalition.slug();
        String id = api.post(
                        slug + "/proposals",
                        bearer,
                        Map.of(
                                "title",
                                "Concept " + Fixtures.unique(""),
                                "decisionType",
                                "ORDINARY",
                                "bodyId",
                                bodyId,
                                "mode",
                                "WRITTEN",
                                "votesChangeable",
                                false))
                .json()
                .get("id")
                .asText();
        String path = "/c/" + coalition.slug() + "/proposals/" + id;
        Browser browser = as(secretary);
        assertThat(browser.get(path).body()).contains("/proposals/" + id + "/edit", "Concept bewerken");
        Browser.Page form = browser.get(path + "/edit");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Voorstel bewerken", "name=\"version\" value=\"0\"", "Wijzigingen opslaan");

        Map<String, String> fields = new java.util.HashMap<>(Map.of(
                "csrfToken", form.csrfToken(),
                "title", "",
                "text", "Nieuwe tekst.",
                "decisionType", "ORDINARY",
                "bodyId", bodyId,
                "mode", "WRITTEN",
                "version", "0"));
        Browser.Page refused = browser.post(path + "/edit", fields);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#title\"", "Nieuwe tekst.");

        fields.put("title", "Werkplan wijkteams 2027");
        Browser.Page saved = browser.post(path + "/edit", fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("?done=updated");
        assertThat(browser.get(path + "?done=updated").body())
                .contains("Het voorstel is bijgewerkt.", "Werkplan wijkteams 2027", "Nieuwe tekst.");
        JsonNode stored = api.get(slug + "/proposals/" + id, bearer).json();
        assertThat(stored.get("votesChangeable").asBoolean())
                .as("the form does not touch what it does not show")
                .isFalse();

        Browser.Page stale = browser.post(path + "/edit", fields);
        assertThat(stale.status()).as("the version edited was 0; it is 1 now").isEqualTo(409);

        assertThat(api.post(
                                slug + "/proposals/" + id + "/opening",
                                bearer,
                                Map.of(
                                        "closesAt",
                                        OffsetDateTime.now().plusDays(3).toString(),
                                        "version",
                                        1))
                        .status())
                .isEqualTo(200);
        assertThat(browser.get(path + "/edit").status()).isEqualTo(409);
        assertThat(browser.get(path).body()).doesNotContain("/edit\"");
    }

    @Test
    void aDraftsAttachmentsAreListedAndTheSecretaryManagesThemOnThePage() {
        String slug = "/api/v1/coalitions/" + coalition.slug();
        String id = api.post(
                        slug + "/proposals",
                        bearer,
                        Map.of(
                                "title",
                                "Met bijlage " + Fixtures.unique(""),
                                "decisionType",
                                "ORDINARY",
                                "bodyId",
                                bodyId,
                                "mode",
                                "WRITTEN"))
                .json()
                .get("id")
                .asText();
        Api.Multipart file = Api.Multipart.text("Toelichting begroting.txt", "Toelichting");
        Api.Response attached =
                api.send("POST", slug + "/proposals/" + id + "/attachments", bearer, file.contentType(), file.bytes());
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        String attachment = attached.json().get("attachments").get(0).get("id").asText();
        String path = "/c/" + coalition.slug() + "/proposals/" + id;

        Browser secretaryBrowser = as(secretary);
        Browser.Page page = secretaryBrowser.get(path);
        assertThat(page.body())
                .contains(
                        "Bijlagen",
                        "Toelichting begroting.txt",
                        slug + "/proposals/" + id + "/attachments/" + attachment,
                        "enctype=\"multipart/form-data\"",
                        "Bijlage toevoegen");
        assertThat(as(observer).get(path).body())
                .contains("Toelichting begroting.txt")
                .doesNotContain("Bijlage toevoegen", "/remove");

        Browser.Page removed = secretaryBrowser.post(
                path + "/attachments/" + attachment + "/remove", Map.of("csrfToken", page.csrfToken()));
        assertThat(removed.status()).isEqualTo(303);
        assertThat(secretaryBrowser.get(path + "?done=attachment-removed").body())
                .contains("De bijlage is verwijderd.", "Er zijn geen bijlagen.")
                .doesNotContain("Toelichting begroting.txt");
    }

    @Test
    void theDraftFormReportsMissingFieldsAndTheServiceRules() {
        Browser browser = as(secretary);
        String csrf = browser.get("/c/" + coalition.slug() + "/proposals/new").csrfToken();
        Browser.Page refused = browser.post(
                "/c/" + coalition.slug() + "/proposals/new",
                Map.of("csrfToken", csrf, "title", "", "decisionType", "ORDINARY", "mode", "MEETING"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#title\"", "href=\"#bodyId\"");
        String stuurgroep = stuurgroep(
                api, api.login(secretary.email(), Fixtures.PASSWORD), "/api/v1/coalitions/" + coalition.slug());
        Browser.Page noMeeting = browser.post(
                "/c/" + coalition.slug() + "/proposals/new",
                Map.of(
                        "csrfToken", csrf,
                        "title", "Zonder vergadering",
                        "decisionType", "ORDINARY",
                        "bodyId", stuurgroep,
                        "mode", "MEETING"));
        assertThat(noMeeting.status()).isEqualTo(422);
        assertThat(noMeeting.body())
                .contains(
                        "href=\"#meetingId\"",
                        "Kies de vergadering waarin wordt besloten.",
                        "value=\"Zonder vergadering\"");
    }

    @Test
    void theProposalPagesSpeakEnglishToo() {
        Browser browser = as(secretary);
        browser.get("/lang?to=en&back=/");
        assertThat(browser.get(proposalPath).body())
                .contains("<html lang=\"en\"", "voting open", "Close voting now", "Grant a proxy", "Voters");
        assertThat(browser.get("/c/" + coalition.slug() + "/proposals").body())
                .contains("Draft a proposal", "Decision register", title);
        assertThat(browser.get("/c/" + coalition.slug() + "/proposals/new").body())
                .contains("How it is decided", "in writing (outside a meeting)");
        assertThat(browser.get("/c/" + coalition.slug() + "/decision-register?q=nothing")
                        .body())
                .contains("Decision register", "No decisions found.", "export.csv?q=nothing");
    }
}
