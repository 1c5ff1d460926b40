package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
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

/**
 * The edit forms for bodies, penvoerderschap and statutes over plain HTTP: who sees and may post them,
 * and that a refused form comes back with its field errors while nothing is written.
 */
@MicronautTest(transactional = false)
class EditPagesTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String base;
    String apiBase;
    String bearer;
    Account secretary;
    String memberA;
    String memberB;
    String bodyId;
    String seatId;
    String penvoerderschapId;
    String draftId;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("edit", LegalForm.COOPERATIE_UA);
        base = "/c/" + coalition.slug();
        apiBase = "/api/v1/coalitions/" + coalition.slug();
        secretary = fixtures.member(coalition, "edit-secretary", CoalitionRole.SECRETARY);
        bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        memberA = member("Stichting Alfa");
        memberB = member("Stichting Beta");
        bodyId = api.get(apiBase + "/bodies", bearer).json().get(0).get("id").asText();
        Api.Response seat = api.post(
                apiBase + "/bodies/" + bodyId + "/seats",
                bearer,
                Map.of("memberId", memberA, "personName", "Ans Alfa", "role", "CHAIR", "termFrom", "2024-01-01"));
        assertThat(seat.status()).as(seat.toString()).isEqualTo(201);
        seatId = seat.json().get("seats").get(0).get("id").asText();
        Api.Response penvoerder = api.post(
                apiBase + "/penvoerderschap",
                bearer,
                Map.of("scope", "Subsidie preventie", "memberId", memberA, "validFrom", "2024-01-01"));
        assertThat(penvoerder.status()).as(penvoerder.toString()).isEqualTo(201);
        penvoerderschapId = penvoerder.json().get("id").asText();
        draftId = api.post(apiBase + "/statutes", bearer, Map.of("title", "Statuten Edit"))
                .json()
                .get("id")
                .asText();
    }

    private String member(String name) {
        Api.Response created = api.post(
                apiBase + "/members",
                bearer,
                Map.of("name", name + " " + Fixtures.unique(""), "kind", "WELZIJN", "joinedOn", "2023-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private Browser secretaryBrowser() {
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        return browser;
    }

    private static Map<String, String> fields(String csrf, String... keysAndValues) {
        Map<String, String> fields = new HashMap<>();
        fields.put("csrfToken", csrf);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    @Test
    void otherRolesReadThePagesWithoutFormsAndGet403OnEveryPost() {
        Account observer = fixtures.member(coalition, "edit-observer", CoalitionRole.OBSERVER);
        Account accountant = fixtures.member(coalition, "edit-accountant", CoalitionRole.ACCOUNTANT);
        String before = state();
        for (Account reader : List.of(observer, accountant)) {
            Browser browser = new Browser(server);
            browser.logIn(reader.email(), Fixtures.PASSWORD);
            for (String page : List.of("/bodies", "/penvoerderschap", "/statutes", "/statutes/" + draftId)) {
                Browser.Page shown = browser.get(base + page);
                assertThat(shown.status()).as(page).isEqualTo(200);
                assertThat(shown.body())
                        .as(page)
                        .doesNotContain("/new\"", "/edit\"", "/seats/", "/rhythm\"", "/handover\"", "/adopt\"");
            }
            assertThat(browser.get(base + "/penvoerderschap").body()).contains("Subsidie preventie");
            String csrf = browser.get(base + "/bodies").csrfToken();
            Map<String, Map<String, String>> posts = Map.of(
                    "/bodies/new",
                    fields(csrf, "bodyKind", "STUURGROEP", "bodyName", "Van de lezer"),
                    "/bodies/" + bodyId + "/edit",
                    fields(csrf, "bodyName", "Van de lezer", "formal", "on", "version", "0"),
                    "/bodies/" + bodyId + "/seats/new",
                    fields(
                            csrf,
                            "memberId",
                            memberB,
                            "personName",
                            "Lezer",
                            "seatRole",
                            "MEMBER",
                            "termFrom",
                            "2025-01-01"),
                    "/bodies/" + bodyId + "/seats/" + seatId + "/end",
                    fields(csrf, "termUntil", "2025-01-01", "version", "0"),
                    "/bodies/" + bodyId + "/rhythm",
                    fields(csrf, "rows", "3", "everyWeeks-0", "2"),
                    "/penvoerderschap/new",
                    fields(csrf, "scope", "Lezer", "memberId", memberB, "validFrom", "2025-01-01"),
                    "/penvoerderschap/" + penvoerderschapId + "/handover",
                    fields(csrf, "toMemberId", memberB, "on", "2025-01-01", "version", "0"),
                    "/statutes/new",
                    fields(csrf, "statuteTitle", "Van de lezer"),
                    "/statutes/" + draftId + "/edit",
                    fields(csrf, "statuteTitle", "Van de lezer", "version", "0", "rows", "0"),
                    "/statutes/" + draftId + "/adopt",
                    fields(csrf, "effectiveFrom", "2025-01-01", "version", "0"));
            for (Map.Entry<String, Map<String, String>> post : posts.entrySet()) {
                Browser.Page refused = browser.post(base + post.getKey(), post.getValue());
                assertThat(refused.status()).as(post.getKey()).isEqualTo(403);
                assertThat(refused.header("Content-Type")).startsWith("text/html");
                assertThat(refused.body()).contains("Geen toegang").doesNotContain("Exception");
                // Every form is also a page of its own, which only the secretary gets to see.
                assertThat(browser.get(base + post.getKey()).status())
                        .as("GET " + post.getKey())
                        .isEqualTo(403);
            }
        }
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void anEmptyBodyNameComesBackWithItsErrorAndNothingIsWritten() {
        Browser browser = secretaryBrowser();
        String before = state();
        String csrf = browser.get(base + "/bodies/new").csrfToken();
        Browser.Page page = browser.post(
                base + "/bodies/new",
                fields(csrf, "bodyKind", "PROJECTGROEP", "bodyName", "  ", "mandate", "Mandaat Bewaard"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("href=\"#bodyName\"", "id=\"bodyName-error\"", "Vul dit veld in.", "aria-invalid=\"true\"")
                .contains("Mandaat Bewaard")
                .contains("<option value=\"PROJECTGROEP\" selected=\"selected\"");

        // An informal body takes no decisions: the service refuses, the form says why.
        Browser.Page informal = browser.post(
                base + "/bodies/new",
                fields(
                        csrf,
                        "bodyKind",
                        "KLANKBORDGROEP",
                        "bodyName",
                        "Klankbord " + Fixtures.unique(""),
                        "decisionTypes",
                        "BUDGET"));
        assertThat(informal.status()).isEqualTo(422);
        assertThat(informal.body()).contains("href=\"#decisionTypes\"", "neemt geen besluiten");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aSeatEndingBeforeItStartsIsRefusedAtItsField() {
        Browser browser = secretaryBrowser();
        String before = state();
        String csrf = browser.get(base + "/bodies/" + bodyId + "/seats/new").csrfToken();
        Browser.Page page = browser.post(
                base + "/bodies/" + bodyId + "/seats/new",
                fields(
                        csrf,
                        "memberId",
                        memberB,
                        "personName",
                        "Bert Beta",
                        "seatRole",
                        "MEMBER",
                        "votes",
                        "on",
                        "termFrom",
                        "2025-06-01",
                        "termUntil",
                        "2025-01-01"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("href=\"#termUntil\"", "id=\"termUntil-error\"", "na de begindatum")
                .contains("value=\"Bert Beta\"", "value=\"2025-06-01\"");

        // A second chair in the same period is a conflict, shown at the role.
        Browser.Page chair = browser.post(
                base + "/bodies/" + bodyId + "/seats/new",
                fields(
                        csrf,
                        "memberId",
                        memberB,
                        "personName",
                        "Bert Beta",
                        "seatRole",
                        "CHAIR",
                        "termFrom",
                        "2025-06-01"));
        assertThat(chair.status()).isEqualTo(409);
        assertThat(chair.body()).contains("href=\"#seatRole\"", "al een voorzitter");

        // The rhythm: only the last phase may be open.
        Browser.Page rhythm = browser.post(
                base + "/bodies/" + bodyId + "/rhythm",
                fields(csrf, "rows", "3", "everyWeeks-0", "2", "everyWeeks-1", "4", "until-1", "2026-01-01"));
        assertThat(rhythm.status()).isEqualTo(422);
        assertThat(rhythm.body()).contains("href=\"#until-0\"", "Fase 1, tot", "Alleen de laatste fase");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anOverlappingPenvoerderIsRefusedAndNothingIsWritten() {
        Browser browser = secretaryBrowser();
        String before = state();
        String csrf = browser.get(base + "/penvoerderschap/new").csrfToken();
        Browser.Page page = browser.post(
                base + "/penvoerderschap/new",
                fields(
                        csrf,
                        "scope",
                        "subsidie PREVENTIE",
                        "memberId",
                        memberB,
                        "validFrom",
                        "2025-01-01",
                        "mandate",
                        "Tweede"));
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body())
                .contains("href=\"#validFrom\"", "id=\"validFrom-error\"", "al een penvoerder")
                .contains("value=\"subsidie PREVENTIE\"", ">Tweede</textarea>");

        Browser.Page backwards = browser.post(
                base + "/penvoerderschap/new",
                fields(
                        csrf,
                        "scope",
                        "Nieuw",
                        "memberId",
                        memberB,
                        "validFrom",
                        "2025-01-01",
                        "validUntil",
                        "2024-01-01"));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.body()).contains("href=\"#validUntil\"", "na de begindatum");

        Browser.Page same = browser.post(
                base + "/penvoerderschap/" + penvoerderschapId + "/handover",
                fields(csrf, "toMemberId", memberA, "on", "2025-01-01", "version", "0"));
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.body()).contains("href=\"#toMemberId\"", "ander lid");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aDraftWithTwiceTheSameArticleOrABadRuleIsRefusedAndAnAdoptedVersionHasNoForm() {
        Browser browser = secretaryBrowser();
        String before = state();
        Browser.Page edit = browser.get(base + "/statutes/" + draftId + "/edit");
        assertThat(edit.status()).isEqualTo(200);
        String csrf = edit.csrfToken();
        Map<String, String> draft = fields(
                csrf,
                "statuteTitle",
                "Statuten Edit",
                "version",
                "0",
                "rows",
                "3",
                "article-0-number",
                "1",
                "article-0-title",
                "Naam",
                "article-0-text",
                "De coöperatie heet Edit.",
                "article-2-number",
                "1",
                "article-2-title",
                "Nog een naam",
                "quorumBasis",
                "MEMBERS",
                "convocationDays",
                "zeven",
                "secondMeetingWithinDays",
                "0",
                "proxyCapPerHolder",
                "1",
                "amendmentTextDays",
                "5");
        for (String t : List.of(
                "ORDINARY", "BUDGET", "ADMISSION", "PENVOERDER_APPOINTMENT", "STATUTE_AMENDMENT", "DISSOLUTION")) {
            draft.put("quorum-" + t, "none");
            draft.put("majority-" + t, "SIMPLE");
        }
        Browser.Page refused = browser.post(base + "/statutes/" + draftId + "/edit", draft);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("href=\"#article-2-number\"", "Regel 3, nummer", "komt twee keer voor")
                .contains("href=\"#convocationDays\"", "value=\"zeven\"")
                .contains("De coöperatie heet Edit.");

        // A stale version is a conflict with the input kept.
        draft.put("article-2-number", "2");
        draft.put("convocationDays", "7");
        draft.put("version", "7");
        Browser.Page stale = browser.post(base + "/statutes/" + draftId + "/edit", draft);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("intussen gewijzigd", "Nog een naam");

        // Adopting a draft without articles is refused on the form.
        Browser.Page empty = browser.post(
                base + "/statutes/" + draftId + "/adopt", fields(csrf, "effectiveFrom", "2025-01-01", "version", "0"));
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.body()).contains("zonder artikelen");
        assertThat(state()).isEqualTo(before);

        // An adopted version: no links to edit it, and its edit form is a 409 page.
        String adopted = api.post(apiBase + "/statutes", bearer, Map.of("title", "Vastgesteld " + Fixtures.unique("")))
                .json()
                .get("id")
                .asText();
        assertThat(api.put(
                                apiBase + "/statutes/" + adopted,
                                bearer,
                                Map.of(
                                        "title",
                                        "Vastgesteld",
                                        "articles",
                                        List.of(Map.of("number", "1", "title", "Naam", "body", "Tekst")),
                                        "version",
                                        0))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                apiBase + "/statutes/" + adopted + "/adopt",
                                bearer,
                                Map.of("effectiveFrom", "2025-01-01", "version", 1))
                        .status())
                .isEqualTo(200);
        Browser.Page view = browser.get(base + "/statutes/" + adopted);
        assertThat(view.body()).doesNotContain("/edit\"", "/adopt\"").contains("/deed\"");
        Browser.Page noForm = browser.get(base + "/statutes/" + adopted + "/edit");
        assertThat(noForm.status()).isEqualTo(409);
        assertThat(noForm.header("Content-Type")).startsWith("text/html");
        Browser.Page deed =
                browser.post(base + "/statutes/" + adopted + "/deed", fields(csrf, "notarialDeedDate", "2000-01-01"));
        assertThat(deed.status()).isEqualTo(422);
        assertThat(deed.body()).contains("href=\"#notarialDeedDate\"", "voor de vaststelling");
    }

    @Test
    void aDraftCannotBeBasedOnAnotherCoalitionsVersion() {
        CoalitionResponse other = fixtures.coalition("edit-other", LegalForm.SAMENWERKINGSVERBAND);
        Account otherSecretary = fixtures.member(other, "edit-other-secretary", CoalitionRole.SECRETARY);
        Browser browser = new Browser(server);
        browser.logIn(otherSecretary.email(), Fixtures.PASSWORD);
        String csrf = browser.get("/c/" + other.slug() + "/statutes/new").csrfToken();
        Browser.Page page = browser.post(
                "/c/" + other.slug() + "/statutes/new",
                fields(csrf, "statuteTitle", "Overgenomen", "basedOn", draftId));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("href=\"#basedOn\"").doesNotContain("Statuten Edit");
        String otherBearer = api.login(otherSecretary.email(), Fixtures.PASSWORD);
        assertThat(api.get("/api/v1/coalitions/" + other.slug() + "/statutes", otherBearer)
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void theNewPagesSpeakEnglishToo() {
        Browser browser = secretaryBrowser();
        browser.get("/lang?to=en&back=/");
        assertThat(browser.get(base + "/penvoerderschap").body())
                .contains("<html lang=\"en\"", "Appoint a penvoerder", "Hand over", "Subsidie preventie");
        assertThat(browser.get(base + "/bodies/new").body())
                .contains("Name of the body", "Decides on", "the budget", "Steering group");
        assertThat(browser.get(base + "/statutes/" + draftId + "/edit").body())
                .contains("Voting rules", "Quorum counted in", "at least two thirds of the votes cast");
    }

    /** What the secretary's API shows of everything these forms could change. */
    private String state() {
        return api.get(apiBase + "/bodies", bearer).body()
                + api.get(apiBase + "/bodies/" + bodyId, bearer).body()
                + api.get(apiBase + "/penvoerderschap", bearer).body()
                + api.get(apiBase + "/statutes", bearer).body();
    }
}
