package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
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

@MicronautTest(transactional = false)
class WebUiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    Account secretary;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("web", LegalForm.SAMENWERKINGSVERBAND);
        secretary = fixtures.member(coalition, "web-secretary", CoalitionRole.SECRETARY);
    }

    @Test
    void logInWithTheFormSetsAnHttpOnlySameSiteCookie() {
        Browser browser = new Browser(server);
        Browser.Page form = browser.get("/login");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<html lang=\"nl\"", "<label for=\"email\"", "Inloggen");
        assertThat(form.setCookie("csrfToken")).containsIgnoringCase("HttpOnly").contains("SameSite=Lax");

        Browser.Page loggedIn = browser.post(
                "/login",
                Map.of("email", secretary.email(), "password", Fixtures.PASSWORD, "csrfToken", form.csrfToken()));

        assertThat(loggedIn.status()).isEqualTo(303);
        assertThat(loggedIn.header("Location")).isEqualTo("/");
        String jwt = loggedIn.setCookie("JWT");
        assertThat(jwt).containsIgnoringCase("HttpOnly").contains("SameSite=Lax", "Path=/", "Max-Age=28800");
        assertThat(jwt).doesNotContain("Secure"); // tests run with secure-cookies=false, like the local run
        // One coalition: the start page goes straight to it.
        Browser.Page start = browser.get("/");
        assertThat(start.status()).isEqualTo(303);
        assertThat(start.header("Location")).isEqualTo("/c/" + coalition.slug());
        Browser.Page overview = browser.get("/c/" + coalition.slug());
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains(coalition.name(), "Samenwerkingsverband", "Stuurgroep", "Secretaris");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWith401AndNoCookie() {
        Browser browser = new Browser(server);
        String token = browser.get("/login").csrfToken();
        Browser.Page page = browser.post(
                "/login", Map.of("email", secretary.email(), "password", "not the password", "csrfToken", token));

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.body()).contains("E-mailadres of wachtwoord klopt niet", secretary.email());
        assertThat(page.setCookie("JWT")).isNull();
        assertThat(browser.cookie("JWT")).isNull();
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefusedButBearerJsonIsNot() {
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        Map<String, String> fields = memberFields("Zonder Token " + Fixtures.unique(""), "12345678", "");

        Browser.Page refused = browser.post("/c/" + coalition.slug() + "/members/new", fields);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body()).contains("Geen toegang").doesNotContain("Exception");

        Map<String, String> wrongToken = new LinkedHashMap<>(fields);
        wrongToken.put("csrfToken", "forged.token");
        assertThat(browser.post("/c/" + coalition.slug() + "/members/new", wrongToken)
                        .status())
                .isEqualTo(403);

        String bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        Api.Response created = api.post(
                "/api/v1/coalitions/" + coalition.slug() + "/members",
                bearer,
                Map.of("name", "Met Bearer " + Fixtures.unique(""), "kind", "WELZIJN", "joinedOn", "2025-01-01"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void theLoginFormItselfNeedsTheCsrfToken() {
        Browser browser = new Browser(server);
        browser.get("/login");
        Browser.Page page = browser.post("/login", Map.of("email", secretary.email(), "password", Fixtures.PASSWORD));
        assertThat(page.status()).isIn(401, 403);
        assertThat(browser.cookie("JWT")).isNull();
    }

    @Test
    void anotherCoalitionsPagesAre404WithoutItsData() {
        CoalitionResponse other = fixtures.coalition("other", LegalForm.COOPERATIE_UA);
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);

        for (String path : new String[] {"", "/members", "/audit", "/members/new"}) {
            Browser.Page page = browser.get("/c/" + other.slug() + path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("Niet gevonden").doesNotContain(other.name());
        }
    }

    @Test
    void anAbsurdAmountOrAControlCharacterIsAFieldErrorNotA500() {
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        String name = "Groot Lid " + Fixtures.unique("");
        Map<String, String> fields = memberFields(name, "12345678", "123456782");
        fields.put("contribution", "1000000000000000000000");
        fields.put(
                "csrfToken",
                browser.get("/c/" + coalition.slug() + "/members/new").csrfToken());
        Browser.Page huge = browser.post("/c/" + coalition.slug() + "/members/new", fields);
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.body()).contains("href=\"#contribution\"");

        fields.put("contribution", "1.209.505,00");
        fields.put("name", "Naam\u0000met nul");
        Browser.Page nul = browser.post("/c/" + coalition.slug() + "/members/new", fields);
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.body()).contains("href=\"#name\"", "zonder regeleinden of stuurtekens");
    }

    @Test
    void theMemberFormShowsFieldErrorsAndWritesNothing() {
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        String name = "Foutief Lid " + Fixtures.unique("");
        Map<String, String> fields = memberFields(name, "1234567", "123456789");
        fields.put(
                "csrfToken",
                browser.get("/c/" + coalition.slug() + "/members/new").csrfToken());

        Browser.Page page = browser.post("/c/" + coalition.slug() + "/members/new", fields);

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("Een KvK-nummer bestaat uit precies acht cijfers")
                .contains("de elfproef doorstaan")
                .contains("href=\"#kvkNumber\"", "href=\"#rsin\"")
                .contains("id=\"kvkNumber-error\"", "aria-invalid=\"true\"")
                .contains("value=\"" + name + "\"", "value=\"1234567\"", "value=\"123456789\"")
                .contains("value=\"1.209.505,00\"");
        String bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        Api.Response all = api.get("/api/v1/coalitions/" + coalition.slug() + "/members?status=ALL&size=200", bearer);
        assertThat(all.body()).doesNotContain(name);
    }

    @Test
    void membersAreListedWithDutchFigures() {
        String bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        String name = "Stichting Cijfers " + Fixtures.unique("");
        Api.Response created = api.post(
                "/api/v1/coalitions/" + coalition.slug() + "/members",
                bearer,
                Map.of(
                        "name",
                        name,
                        "kind",
                        "ZORGAANBIEDER",
                        "joinedOn",
                        "2024-01-15",
                        "contributionFte",
                        27.31,
                        "contributionCents",
                        120_950_500L,
                        "rsin",
                        "002220647"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);

        Browser.Page page = browser.get("/c/" + coalition.slug() + "/members");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(name, "€ 1.209.505,00", "27,31", "15-01-2024", "Zorgaanbieder");
    }

    @Test
    void browsersAreSentToLoginWhileApiClientsGetProblemJson() {
        Browser browser = new Browser(server);
        Browser.Page page = browser.get("/c/" + coalition.slug() + "/members");
        assertThat(page.status()).isBetween(302, 303);
        assertThat(page.header("Location")).isEqualTo("/login");

        Api.Response api401 = api.get("/api/v1/me", null);
        assertThat(api401.status()).isEqualTo(401);
        assertThat(api401.contentType()).startsWith("application/problem+json");
        Api.Response api404 = api.get("/api/v1/nothing-here", api.login(secretary.email(), Fixtures.PASSWORD));
        assertThat(api404.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theLanguageSwitchOnlyReturnsToLocalPages() {
        Browser browser = new Browser(server);
        Browser.Page english = browser.get("/lang?to=en&back=/login");
        assertThat(english.status()).isEqualTo(303);
        assertThat(english.header("Location")).isEqualTo("/login");
        assertThat(browser.get("/login").body()).contains("<html lang=\"en\"", "Log in", "E-mail address");

        assertThat(browser.get("/lang?to=nl&back=//evil.example/x").header("Location"))
                .isEqualTo("/");
        assertThat(browser.get("/lang?to=nl&back=https://evil.example/").header("Location"))
                .isEqualTo("/");
        assertThat(browser.get("/login").body()).contains("<html lang=\"nl\"");
    }

    @Test
    void logoutEndsTheSession() {
        Browser browser = new Browser(server);
        browser.logIn(secretary.email(), Fixtures.PASSWORD);
        String token = browser.get("/c/" + coalition.slug()).csrfToken();
        Browser.Page out = browser.post("/logout", Map.of("csrfToken", token));
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.setCookie("JWT")).contains("Max-Age=0");
        assertThat(browser.get("/c/" + coalition.slug()).status()).isBetween(302, 303);
    }

    private static Map<String, String> memberFields(String name, String kvk, String rsin) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("kind", "WELZIJN");
        fields.put("kvkNumber", kvk);
        fields.put("rsin", rsin);
        fields.put("joinedOn", "2025-01-01");
        fields.put("contributionFte", "27,31");
        fields.put("contribution", "1.209.505,00");
        fields.put("votingWeight", "1");
        return fields;
    }
}
