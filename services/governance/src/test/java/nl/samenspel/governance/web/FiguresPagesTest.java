package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The verantwoording pages over plain HTTP: the secretary records a subsidy through the form (Dutch
 * amounts) with refusals at the field; a representative enters and sees only its own member's figures
 * and cannot post for another member; a realisation beyond the threshold without explanation is
 * refused at the explanation; an observer sees no figures and posts nothing; the totals shown add up.
 */
@MicronautTest(transactional = false)
class FiguresPagesTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    Account secretary;
    Account observer;
    Account rasterRep;
    Account deKernRep;
    String bearer;
    String raster;
    String deKern;
    String rasterName;
    String deKernName;
    String apiBase;
    String base;
    String subsidy;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("figures-pages", LegalForm.SAMENWERKINGSVERBAND);
        secretary = fixtures.member(coalition, "figures-secretary", CoalitionRole.SECRETARY);
        observer = fixtures.member(coalition, "figures-observer", CoalitionRole.OBSERVER);
        bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        apiBase = "/api/v1/coalitions/" + coalition.slug();
        base = "/c/" + coalition.slug() + "/verantwoording";
        rasterName = "Raster " + Fixtures.unique("");
        deKernName = "De Kern " + Fixtures.unique("");
        raster = member(rasterName);
        deKern = member(deKernName);
        rasterRep = fixtures.representative(coalition, UUID.fromString(raster), "figures-raster");
        deKernRep = fixtures.representative(coalition, UUID.fromString(deKern), "figures-dekern");
        subsidy = subsidy("Opdracht preventie " + Fixtures.unique(""));
    }

    private String member(String name) {
        Api.Response created = api.post(
                apiBase + "/members", bearer, Map.of("name", name, "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String subsidy(String title) {
        Api.Response created = api.post(apiBase + "/subsidies", bearer, Fixtures.subsidy2021(title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private void budgetLine(String subsidyId, String member, String category, long budget, Long realised) {
        Map<String, Object> body =
                new HashMap<>(Map.of("memberId", member, "category", category, "budgetCents", budget));
        if (realised != null) {
            body.put("realisedCents", realised);
            body.put("explanation", "Zo gelopen.");
        }
        Api.Response added = api.post(apiBase + "/subsidies/" + subsidyId + "/budget-lines", bearer, body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    private Browser as(Account account) {
        Browser browser = new Browser(server);
        browser.logIn(account.email(), Fixtures.PASSWORD);
        return browser;
    }

    private String page(String subsidyId) {
        return base + "/" + subsidyId;
    }

    /** What the secretary sees of the subsidy's figures through the API. */
    private String stored() {
        return api.get(apiBase + "/subsidies/" + subsidy + "/figures", bearer).body();
    }

    private static Map<String, String> subsidyForm(String csrf, String title) {
        Map<String, String> form = new HashMap<>();
        form.put("csrfToken", csrf);
        form.put("subsidyYear", "2022");
        form.put("subsidyTitle", title);
        form.put("subsidyScope", "Opdracht preventie 2022");
        form.put("subsidyGrantor", "Gemeente Deventer");
        form.put("subsidyReference", "Z/22/0042");
        form.put("subsidyAmount", "4.207.885,00");
        form.put("subsidyFrom", "2022-01-01");
        form.put("subsidyUntil", "2022-12-31");
        form.put("subsidyConditions", "Met activiteitenverslag.");
        form.put("subsidyDue", "2023-05-01");
        form.put("subsidyAccountantThreshold", "125.000");
        form.put("subsidyVarianceThreshold", "5,5");
        return form;
    }

    @Test
    void theSecretaryRecordsASubsidyThroughTheFormAndSeesIt() {
        Browser browser = as(secretary);
        Browser.Page list = browser.get(base);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains(
                        "aria-current=\"page\">Verantwoording",
                        "<h2 id=\"new-title\">Subsidie vastleggen</h2>",
                        "id=\"subsidyAmount\"",
                        "id=\"subsidyVarianceThreshold\"");

        String title = "Subsidie jongerenwerk " + Fixtures.unique("");
        Browser.Page created = browser.post(base, subsidyForm(list.csrfToken(), title));
        assertThat(created.status()).as(created.toString()).isEqualTo(303);
        assertThat(created.header("Location")).matches(base + "/[0-9a-f-]{36}\\?done=created");

        Browser.Page shown = browser.get(created.header("Location"));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body())
                .contains(title, "De subsidie is vastgelegd.", "€ 4.207.885,00", "€ 125.000,00", "5,50 %")
                .contains("01-01-2022 t/m 31-12-2022", "01-05-2023", "Z/22/0042", "accountantsverklaring vereist")
                .contains("Met activiteitenverslag.", "id=\"add-budget\"");
        assertThat(browser.get(base).body())
                .contains(title, "Gemeente Deventer", "€ 4.207.885,00", "01-05-2023", "accountantsverklaring vereist");
    }

    @Test
    void aRefusedSubsidyShowsTheErrorAtTheField() {
        Browser browser = as(secretary);
        String csrf = browser.get(base).csrfToken();
        String title = "Achterstevoren " + Fixtures.unique("");
        Map<String, String> form = subsidyForm(csrf, title);
        form.put("subsidyFrom", "2022-12-31");
        form.put("subsidyUntil", "2022-01-01");
        Browser.Page refused = browser.post(base, form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"subsidyUntil-error\"", "Het einde van de periode ligt vóór het begin.")
                .contains("href=\"#subsidyUntil\"", "value=\"" + title + "\"", "value=\"4.207.885,00\"");

        form.put("subsidyUntil", "2022-12-31");
        form.put("subsidyAmount", "vier miljoen");
        Browser.Page unreadable = browser.post(base, form);
        assertThat(unreadable.status()).isEqualTo(422);
        assertThat(unreadable.body()).contains("id=\"subsidyAmount-error\"", "Vul een bedrag in euro in");
        assertThat(api.get(apiBase + "/subsidies", bearer).body()).doesNotContain(title);
    }

    @Test
    void aRepresentativeAddsItsOwnBudgetLineAndSeesOnlyItsOwnMembersFigures() {
        String rasters = "Personeel Raster " + Fixtures.unique("");
        budgetLine(subsidy, raster, rasters, 120950500, null);

        Browser browser = as(deKernRep);
        Browser.Page before = browser.get(page(subsidy));
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body())
                .contains("id=\"add-budget\"", "Namens " + deKernName, "U ziet alleen de cijfers")
                .doesNotContain(rasters, "name=\"budgetMember\" value=\"" + raster);

        String own = "Huisvesting De Kern " + Fixtures.unique("");
        Browser.Page added = browser.post(
                page(subsidy) + "/budget-lines",
                Map.of(
                        "csrfToken",
                        before.csrfToken(),
                        "budgetMember",
                        deKern,
                        "budgetCategory",
                        own,
                        "budgetAmount",
                        "74.395,50",
                        "budgetRealised",
                        "",
                        "budgetExplanation",
                        ""));
        assertThat(added.status()).as(added.toString()).isEqualTo(303);
        assertThat(added.header("Location")).isEqualTo(page(subsidy) + "?done=added#begroting");

        Browser.Page after = browser.get(added.header("Location"));
        assertThat(after.body())
                .contains(own, "€ 74.395,50", "Toegevoegd.", deKernName)
                .doesNotContain(rasters, rasterName);
        assertThat(stored()).contains(own, "7439550");

        // Its own line can be changed (with its version) and removed.
        String lineId = lineIdOf(own);
        assertThat(after.body()).contains(page(subsidy) + "/budget-lines/" + lineId);
        Browser.Page edit = browser.get(page(subsidy) + "/budget-lines/" + lineId);
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body())
                .contains("Begrotingsregel wijzigen", "value=\"74395,50\"", "name=\"version\" value=\"0\"");
        Browser.Page changed = browser.post(
                page(subsidy) + "/budget-lines/" + lineId,
                Map.of(
                        "csrfToken", edit.csrfToken(),
                        "version", "0",
                        "budgetMember", deKern,
                        "budgetCategory", own,
                        "budgetAmount", "74.395,50",
                        "budgetRealised", "75.000",
                        "budgetExplanation", ""));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(303);
        assertThat(browser.get(page(subsidy)).body()).contains("€ 75.000,00", "0,81 %");
        Browser.Page stale = browser.post(
                page(subsidy) + "/budget-lines/" + lineId,
                Map.of(
                        "csrfToken", edit.csrfToken(),
                        "version", "0",
                        "budgetMember", deKern,
                        "budgetCategory", own,
                        "budgetAmount", "1,00",
                        "budgetRealised", "",
                        "budgetExplanation", ""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Iemand anders heeft dit intussen gewijzigd.");
        Browser.Page removed = browser.post(
                page(subsidy) + "/budget-lines/" + lineId + "/remove", Map.of("csrfToken", edit.csrfToken()));
        assertThat(removed.status()).isEqualTo(303);
        assertThat(stored()).doesNotContain(own);
    }

    @Test
    void aPostForAnotherMemberByARepresentativeIsForbiddenAndStoresNothing() {
        String rasters = "Reiskosten Raster " + Fixtures.unique("");
        budgetLine(subsidy, raster, rasters, 100000, null);
        Browser browser = as(deKernRep);
        String csrf = browser.get(page(subsidy)).csrfToken();
        String category = "Namens Raster " + Fixtures.unique("");
        Browser.Page refused = browser.post(
                page(subsidy) + "/budget-lines",
                Map.of(
                        "csrfToken", csrf,
                        "budgetMember", raster,
                        "budgetCategory", category,
                        "budgetAmount", "100,00"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body()).doesNotContain(rasters);
        assertThat(stored()).doesNotContain(category);

        // Nor another member's row: not its edit form, not a change, not its removal.
        String rasterLine = lineIdOf(rasters);
        assertThat(browser.get(page(subsidy) + "/budget-lines/" + rasterLine).status())
                .isIn(403, 404);
        assertThat(browser.post(
                                page(subsidy) + "/budget-lines/" + rasterLine,
                                Map.of(
                                        "csrfToken", csrf,
                                        "version", "0",
                                        "budgetMember", deKern,
                                        "budgetCategory", "Overgenomen",
                                        "budgetAmount", "1,00"))
                        .status())
                .isEqualTo(403);
        assertThat(browser.post(page(subsidy) + "/budget-lines/" + rasterLine + "/remove", Map.of("csrfToken", csrf))
                        .status())
                .isEqualTo(403);
        assertThat(stored()).contains(rasters).doesNotContain("Overgenomen");
    }

    @Test
    void aRealisationBeyondTheThresholdNeedsAnExplanationAtItsField() {
        Browser browser = as(deKernRep);
        String csrf = browser.get(page(subsidy)).csrfToken();
        String category = "Activiteiten " + Fixtures.unique("");
        Map<String, String> form = new HashMap<>(Map.of(
                "csrfToken",
                csrf,
                "budgetMember",
                deKern,
                "budgetCategory",
                category,
                "budgetAmount",
                "1.000,00",
                "budgetRealised",
                "1.100,00",
                "budgetExplanation",
                ""));
        Browser.Page refused = browser.post(page(subsidy) + "/budget-lines", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"budgetExplanation-error\"", "licht het verschil toe", "href=\"#budgetExplanation\"")
                .contains("value=\"" + category + "\"", "value=\"1.100,00\"");
        assertThat(stored()).doesNotContain(category);

        form.put("budgetExplanation", "Meer deelnemers dan verwacht.");
        Browser.Page added = browser.post(page(subsidy) + "/budget-lines", form);
        assertThat(added.status()).as(added.toString()).isEqualTo(303);
        assertThat(browser.get(page(subsidy)).body())
                .contains(category, "€ 1.100,00", "10,00 %", "Meer deelnemers dan verwacht.", "toelichting vereist");
    }

    @Test
    void anObserverSeesNoFiguresAndNoFormsAndCannotPost() {
        String rasters = "Onderzoek Raster " + Fixtures.unique("");
        budgetLine(subsidy, raster, rasters, 50000, null);
        Browser browser = as(observer);
        assertThat(browser.get(base).body()).contains("Opdracht preventie").doesNotContain("id=\"new-title\"");
        Browser.Page shown = browser.get(page(subsidy));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body())
                .contains("id=\"no-figures\"", "niet getoond aan uw rol", "€ 4.207.885,00")
                .doesNotContain(
                        rasters, "id=\"add-budget\"", "id=\"add-fte\"", "id=\"add-risk\"", "Begroting en realisatie");
        String csrf = shown.csrfToken();
        String category = "Van de waarnemer " + Fixtures.unique("");
        assertThat(browser.post(
                                page(subsidy) + "/budget-lines",
                                Map.of(
                                        "csrfToken", csrf,
                                        "budgetMember", raster,
                                        "budgetCategory", category,
                                        "budgetAmount", "1,00"))
                        .status())
                .isEqualTo(403);
        assertThat(browser.post(
                                page(subsidy) + "/budget-lines/" + lineIdOf(rasters) + "/remove",
                                Map.of("csrfToken", csrf))
                        .status())
                .isEqualTo(403);
        assertThat(browser.post(base, subsidyForm(csrf, category)).status()).isEqualTo(403);
        assertThat(stored()).contains(rasters).doesNotContain(category);
    }

    @Test
    void theTotalsOnThePageAreTheSumsOfTheLines() {
        String own = subsidy("Totalen " + Fixtures.unique(""));
        budgetLine(own, raster, "Personeel", 120950500, 127000000L);
        budgetLine(own, raster, "Huisvesting", 1250000, null);
        budgetLine(own, deKern, "Personeel", 74395500, 74395500L);
        budgetLine(own, deKern, "Activiteiten", 1234567, 1000000L);

        // The secretary enters fte and an indicator for a member through the form.
        Browser browser = as(secretary);
        String csrf = browser.get(page(own)).csrfToken();
        assertThat(browser.post(
                                page(own) + "/fte-lines",
                                Map.of(
                                        "csrfToken", csrf,
                                        "fteMember", raster,
                                        "fteFunction", "Jongerenwerker",
                                        "ftePlanned", "16,41",
                                        "fteRealised", "15,9"))
                        .status())
                .isEqualTo(303);
        assertThat(browser.post(
                                page(own) + "/indicators",
                                Map.of(
                                        "csrfToken", csrf,
                                        "indicatorMember", deKern,
                                        "indicatorGroup", "Preventie",
                                        "indicatorName", "Bereikte jongeren",
                                        "indicatorUnit", "aantal",
                                        "indicatorTarget", "1.250",
                                        "indicatorQ1", "300",
                                        "indicatorPdca", "Op koers."))
                        .status())
                .isEqualTo(303);

        String body = browser.get(page(own)).body();
        long lines = sum(body, "budget-amount");
        long realised = sum(body, "realised-amount");
        assertThat(lines).isEqualTo(120950500L + 1250000 + 74395500 + 1234567);
        assertThat(realised).isEqualTo(127000000L + 74395500 + 1000000);
        assertThat(sum(body, "total-budget")).isEqualTo(lines);
        assertThat(sum(body, "total-realised")).isEqualTo(realised);
        assertThat(body)
                .contains("id=\"grand-budget\">€ 1.978.305,67<", "id=\"grand-realised\">€ 2.023.955,00<")
                .contains("€ 1.222.005,00", "€ 756.300,67", "Totaal " + rasterName)
                .contains("16,41 fte", "15,90 fte", "Jongerenwerker", "Bereikte jongeren", "1.250", "Op koers.")
                .contains("id=\"budget-chart\"", "Begroting en realisatie per lid");
        Formats fmt = Formats.of(Language.DUTCH);
        assertThat(fmt.money(lines)).isEqualTo("€ 1.978.305,67");
        assertThat(fmt.pct(new BigDecimal("5.01"))).isEqualTo("5,01 %");
    }

    /** The sum of the amounts in cells with this class. */
    private static long sum(String body, String cssClass) {
        Matcher m = Pattern.compile("class=\"num " + cssClass + "\">€ ([0-9.]+),([0-9]{2})<")
                .matcher(body);
        long total = 0;
        int found = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1).replace(".", "")) * 100 + Long.parseLong(m.group(2));
            found++;
        }
        assertThat(found).as("cells of class " + cssClass).isPositive();
        return total;
    }

    /** A budget line's id as the API tells the secretary. */
    private String lineIdOf(String category) {
        for (var line : api.get(apiBase + "/subsidies/" + subsidy + "/figures", bearer)
                .json()
                .get("budgetLines")) {
            if (line.get("category").asText().equals(category)) {
                return line.get("id").asText();
            }
        }
        throw new AssertionError("no budget line " + category);
    }

    @Inject
    nl.samenspel.governance.job.JobRunner jobs;

    @org.junit.jupiter.api.Test
    void theSecretaryMakesAPackOnThePageFollowsItAndSeesWhoDownloadedIt() {
        String page = base + "/" + subsidy;
        Browser browser = as(secretary);
        Browser.Page before = browser.get(page);
        assertThat(before.body()).contains("Verantwoordingspakket", "Pakket maken");
        Browser.Page asked = browser.post(
                "/c/" + coalition.slug() + "/verantwoordingspakket/" + subsidy,
                Map.of("csrfToken", before.csrfToken()));
        assertThat(asked.status()).isIn(200, 303);
        assertThat(browser.get(page + "?done=pack").body()).contains("Het pakket wordt gemaakt", "<progress");
        jobs.runDue();
        Browser.Page ready = browser.get(page);
        assertThat(ready.body()).contains("Klaar:", "Pakket (pdf)", "ZIP voor de accountant", "Gedownload: 0 keer");
        String pack = api.get(apiBase + "/subsidies/" + subsidy + "/packs", bearer)
                .json()
                .get(0)
                .get("id")
                .asText();
        assertThat(api.get(apiBase + "/subsidies/" + subsidy + "/packs/" + pack + "/pack.pdf", bearer)
                        .status())
                .isEqualTo(200);
        assertThat(browser.get(page).body()).contains("Gedownload: 1 keer", secretary.email() + " (PDF)");

        // An observer sees no packs and cannot ask for one; a representative neither.
        Browser watcher = as(observer);
        Browser.Page watched = watcher.get(page);
        assertThat(watched.body()).doesNotContain("Pakket maken", "Pakket (pdf)");
        assertThat(watcher.post(
                                "/c/" + coalition.slug() + "/verantwoordingspakket/" + subsidy,
                                Map.of("csrfToken", watched.csrfToken()))
                        .status())
                .isEqualTo(403);
        assertThat(as(deKernRep).get(page).body()).doesNotContain("Pakket (pdf)");
    }
}
