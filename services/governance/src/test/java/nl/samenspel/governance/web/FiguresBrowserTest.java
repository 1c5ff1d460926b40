package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A representative enters its member's budget line in a real headless Chromium: a realisation beyond
 * the subsidy's threshold is refused at the explanation field, and with the explanation the line
 * shows in the table and in the chart, with the amounts in Dutch.
 */
@MicronautTest(transactional = false)
class FiguresBrowserTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    HeadlessChromium chromium;
    WebDriver driver;

    @BeforeAll
    void startBrowser() {
        chromium = new HeadlessChromium();
        driver = chromium.driver();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aRepresentativeExplainsAVarianceAndSeesItsLineAndTheChart() {
        Api api = new Api(server);
        CoalitionResponse coalition = fixtures.coalition("figures-browser", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "figures-browser-secretary", CoalitionRole.SECRETARY);
        String bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        String apiBase = "/api/v1/coalitions/" + coalition.slug();
        String memberName = "De Kern " + Fixtures.unique("");
        Api.Response member = api.post(
                apiBase + "/members", bearer, Map.of("name", memberName, "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        Account representative = fixtures.representative(
                coalition, UUID.fromString(member.json().get("id").asText()), "figures-browser-rep");
        String title = "Opdracht preventie " + Fixtures.unique("");
        Api.Response subsidy = api.post(apiBase + "/subsidies", bearer, Fixtures.subsidy2021(title));
        assertThat(subsidy.status()).as(subsidy.toString()).isEqualTo(201);
        String page = "/c/" + coalition.slug() + "/verantwoording/"
                + subsidy.json().get("id").asText();

        try {
            chromium.logIn(server.getURI(), representative.email(), Fixtures.PASSWORD);
            driver.get(server.getURI().resolve("/c/" + coalition.slug()).toString());
            driver.findElement(By.linkText("Verantwoording")).click();
            chromium.waitForPath("/c/" + coalition.slug() + "/verantwoording");
            driver.findElement(By.linkText(title)).click();
            chromium.waitForPath(page);
            assertThat(driver.findElement(By.id("add-budget")).getText()).contains("Namens " + memberName);

            driver.findElement(By.id("budgetCategory")).sendKeys("Personeel");
            driver.findElement(By.id("budgetAmount")).sendKeys("1.209.505,00");
            driver.findElement(By.id("budgetRealised")).sendKeys("1.270.000,00");
            chromium.press(driver.findElement(By.cssSelector("#add-budget button[type=submit]")));

            assertThat(driver.findElement(By.id("budgetExplanation-error")).getText())
                    .contains("licht het verschil toe");
            assertThat(driver.findElement(By.id("budgetExplanation")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(driver.findElement(By.id("error-summary")).getText()).contains("Toelichting op het verschil");
            assertThat(driver.findElement(By.id("budgetRealised")).getAttribute("value"))
                    .isEqualTo("1.270.000,00");
            assertThat(chromium.present(By.cssSelector("tr.budget-line"))).isEmpty();
            chromium.screenshot("figures-refused");

            driver.findElement(By.id("budgetExplanation")).sendKeys("Extra inzet jongerenwerk in de zomer.");
            chromium.press(driver.findElement(By.cssSelector("#add-budget button[type=submit]")));
            chromium.waitForPath(page);

            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .isEqualTo("Toegevoegd.");
            WebElement line = driver.findElement(By.cssSelector("tr.budget-line"));
            assertThat(line.getText())
                    .contains(
                            "Personeel",
                            "€ 1.209.505,00",
                            "€ 1.270.000,00",
                            "+ € 60.495,00",
                            "5,00 %",
                            "Extra inzet jongerenwerk in de zomer.",
                            "toelichting vereist");
            WebElement chart = driver.findElement(By.id("budget-chart"));
            assertThat(chart.getText())
                    .contains("Begroting en realisatie per lid", memberName, "€ 1.209.505,00", "€ 1.270.000,00");
            WebElement realised = chart.findElement(By.cssSelector(".bar-realised"));
            WebElement budget = chart.findElement(By.cssSelector(".bar-budget"));
            assertThat(realised.getSize().getWidth())
                    .isGreaterThan(budget.getSize().getWidth());
            chromium.screenshot("figures-added");
        } catch (AssertionError | RuntimeException e) {
            throw chromium.failure(e);
        }
    }
}
