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
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The secretary keeps bodies, penvoerderschap and statutes through the forms, in a real headless
 * Chromium (from the OS packages; without it this test fails rather than skips).
 */
@MicronautTest(transactional = false)
class EditPagesBrowserTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    HeadlessChromium chromium;
    WebDriver driver;
    CoalitionResponse coalition;
    Account secretary;
    String memberA;
    String memberB;

    @BeforeAll
    void start() {
        coalition = fixtures.coalition("browser-edit", LegalForm.COOPERATIE_UA);
        secretary = fixtures.member(coalition, "browser-edit-secretary", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        memberA = member(api, bearer, "Zorggroep Alfa " + Fixtures.unique(""));
        memberB = member(api, bearer, "Welzijn Beta " + Fixtures.unique(""));
        chromium = new HeadlessChromium();
        driver = chromium.driver();
        open("/login");
        driver.findElement(By.id("email")).sendKeys(secretary.email());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        chromium.press(driver.findElement(By.cssSelector("main button[type=submit]")));
        chromium.waitForPath("/c/" + coalition.slug());
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String member(Api api, String bearer, String name) {
        Api.Response created = api.post(
                "/api/v1/coalitions/" + coalition.slug() + "/members",
                bearer,
                Map.of("name", name, "kind", "ZORGAANBIEDER", "joinedOn", "2023-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private void open(String path) {
        driver.get(server.getURI().resolve(path).toString());
    }

    /** A native date input's typing order follows the browser's locale; set the value directly. */
    private void date(String id, String value) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void submit() {
        chromium.press(driver.findElement(By.cssSelector("main form button[type=submit]:not([value=more])")));
    }

    private String status() {
        return driver.findElement(By.cssSelector("[role=status]")).getText();
    }

    @Test
    void aSecretaryCreatesABodyWithASeatAndARhythm() {
        String bodies = "/c/" + coalition.slug() + "/bodies";
        String name = "Werkgroep Browser " + Fixtures.unique("");
        try {
            open("/c/" + coalition.slug());
            driver.findElement(By.linkText("Organen")).click();
            chromium.waitForPath(bodies);
            driver.findElement(By.linkText("Orgaan toevoegen")).click();
            chromium.waitForPath(bodies + "/new");
            new Select(driver.findElement(By.id("bodyKind"))).selectByVisibleText("Projectgroep");
            // First without a name: the form comes back with the error linked from the summary.
            submit();
            chromium.waitForPath(bodies + "/new");
            assertThat(driver.findElement(By.id("error-summary")).getText()).contains("Naam van het orgaan");
            assertThat(driver.findElement(By.id("bodyName-error")).getText()).contains("Vul dit veld in.");
            type("bodyName", name);
            type("mandate", "Werkt het preventieplan uit.");
            driver.findElement(By.id("decisionType-ORDINARY")).click();
            driver.findElement(By.id("decisionType-BUDGET")).click();
            submit();
            chromium.waitForPath(bodies);
            assertThat(status()).isEqualTo("Het orgaan is toegevoegd.");

            WebElement card = driver.findElement(By.xpath("//section[h2[normalize-space()='" + name + "']]"));
            assertThat(card.getText()).contains("Werkt het preventieplan uit.", "gewone besluiten, de begroting");
            card.findElement(By.partialLinkText("Zetel toevoegen")).click();
            new Select(driver.findElement(By.id("memberId"))).selectByVisibleText(memberA);
            type("personName", "Carla Voorzitter");
            new Select(driver.findElement(By.id("seatRole"))).selectByVisibleText("voorzitter");
            date("termFrom", "2025-01-01");
            submit();
            chromium.waitForPath(bodies);
            assertThat(status()).isEqualTo("De zetel is toegevoegd.");

            card = driver.findElement(By.xpath("//section[h2[normalize-space()='" + name + "']]"));
            card.findElement(By.partialLinkText("Vergaderritme instellen")).click();
            type("everyWeeks-0", "2");
            date("until-0", "2025-07-01");
            type("everyWeeks-1", "6");
            submit();
            chromium.waitForPath(bodies);
            assertThat(status()).isEqualTo("Het vergaderritme is opgeslagen.");

            card = driver.findElement(By.xpath("//section[h2[normalize-space()='" + name + "']]"));
            assertThat(card.getText())
                    .contains("Carla Voorzitter — voorzitter (" + memberA + ")")
                    .contains("elke 2 weken tot 01-07-2025", "daarna elke 6 weken");
            chromium.screenshot("bodies-edited");
        } catch (AssertionError | RuntimeException e) {
            throw chromium.failure(e);
        }
    }

    @Test
    void aSecretaryAppointsAPenvoerderAndHandsOver() {
        String page = "/c/" + coalition.slug() + "/penvoerderschap";
        String scope = "Subsidie preventie " + Fixtures.unique("");
        try {
            open("/c/" + coalition.slug());
            driver.findElement(By.linkText("Penvoerderschap")).click();
            chromium.waitForPath(page);
            driver.findElement(By.linkText("Penvoerder benoemen")).click();
            chromium.waitForPath(page + "/new");
            type("scope", scope);
            new Select(driver.findElement(By.id("memberId"))).selectByVisibleText(memberA);
            date("validFrom", "2024-01-01");
            type("mandate", "Vraagt de subsidie aan en legt verantwoording af.");
            submit();
            chromium.waitForPath(page);
            assertThat(status()).isEqualTo("De penvoerder is benoemd.");

            WebElement section = driver.findElement(By.xpath("//section[h2[normalize-space()='" + scope + "']]"));
            section.findElement(By.partialLinkText("Overdragen")).click();
            new Select(driver.findElement(By.id("toMemberId"))).selectByVisibleText(memberB);
            date("on", "2025-03-01");
            submit();
            chromium.waitForPath(page);
            assertThat(status()).isEqualTo("Het penvoerderschap is overgedragen.");

            section = driver.findElement(By.xpath("//section[h2[normalize-space()='" + scope + "']]"));
            var rows = section.findElements(By.cssSelector("tbody tr"));
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getText()).contains(memberB, "huidig", "01-03-2025");
            assertThat(rows.get(1).getText()).contains(memberA, "01-01-2024", "01-03-2025");
            assertThat(rows.get(1).getText()).doesNotContain("huidig");
            // Only the running period can be handed over.
            assertThat(rows.get(1).findElements(By.partialLinkText("Overdragen")))
                    .isEmpty();
            chromium.screenshot("penvoerderschap-history");
        } catch (AssertionError | RuntimeException e) {
            throw chromium.failure(e);
        }
    }

    @Test
    void aSecretaryDraftsEditsAndAdoptsAStatuteVersionAndSeesTheDiff() {
        String statutes = "/c/" + coalition.slug() + "/statutes";
        String title = "Statuten " + Fixtures.unique("");
        try {
            // A first version from the template, with one article, adopted.
            open(statutes);
            driver.findElement(By.linkText("Nieuwe conceptversie")).click();
            chromium.waitForPath(statutes + "/new");
            type("statuteTitle", title);
            new Select(driver.findElement(By.id("basedOn"))).selectByIndex(0);
            submit();
            type("article-0-number", "1");
            type("article-0-title", "Naam");
            type("article-0-text", "De coöperatie heet Samen.");
            type("article-1-number", "2");
            type("article-1-title", "Doel");
            type("article-1-text", "Preventie.");
            submit();
            assertThat(status()).isEqualTo("Het concept is opgeslagen.");
            driver.findElement(By.linkText("Vaststellen")).click();
            date("effectiveFrom", "2024-01-01");
            submit();
            assertThat(status()).isEqualTo("De versie is vastgesteld.");
            assertThat(chromium.present(By.linkText("Concept bewerken"))).isEmpty();

            // The second version starts as a copy of the first: change one article, add one, remove one.
            open(statutes + "/new");
            assertThat(new Select(driver.findElement(By.id("basedOn")))
                            .getFirstSelectedOption()
                            .getText())
                    .contains(title);
            submit();
            assertThat(driver.findElement(By.id("article-0-text")).getAttribute("value"))
                    .isEqualTo("De coöperatie heet Samen.");
            type("article-0-text", "De coöperatie heet Samen Sterk.");
            driver.findElement(By.id("article-1-remove")).click();
            // More rows without saving, then a new article in one of them.
            driver.findElement(By.cssSelector("button[value=more]")).click();
            type("article-4-number", "3");
            type("article-4-title", "Leden");
            type("article-4-text", "Leden zijn zorgaanbieders.");
            new Select(driver.findElement(By.id("majority-ORDINARY"))).selectByValue("TWO_THIRDS");
            submit();
            assertThat(status()).isEqualTo("Het concept is opgeslagen.");
            driver.findElement(By.linkText("Vaststellen")).click();
            date("effectiveFrom", "2025-01-01");
            submit();
            assertThat(status()).isEqualTo("De versie is vastgesteld.");

            WebElement diff = driver.findElement(By.cssSelector("section[aria-labelledby=diff-title]"));
            assertThat(diff.getText())
                    .contains("Wijzigingen ten opzichte van versie")
                    .contains("Artikel 1: gewijzigd", "De coöperatie heet Samen Sterk.")
                    .contains("Artikel 3: nieuw", "Leden zijn zorgaanbieders.")
                    .contains("Artikel 2: vervallen");
            // A coöperatie's version takes effect by notarial deed.
            driver.findElement(By.linkText("Notariële akte vastleggen")).click();
            // The day as the product counts days: in Dutch time (between 23:00 and 24:00 UTC it is already tomorrow).
            date(
                    "notarialDeedDate",
                    java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))
                            .toString());
            submit();
            assertThat(status()).isEqualTo("De datum van de notariële akte is vastgelegd.");
            assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("van kracht");
            chromium.screenshot("statute-diff");
        } catch (AssertionError | RuntimeException e) {
            throw chromium.failure(e);
        }
    }
}
