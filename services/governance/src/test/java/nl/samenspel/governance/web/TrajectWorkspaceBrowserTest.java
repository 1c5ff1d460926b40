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
 * The coalition workspace in a real headless Chromium: the secretary creates a traject, adds a
 * milestone, a stakeholder and a communication moment for that milestone, and publishes a progress
 * report; an employee of a member, with only the STAFF role, reads the report and nothing else.
 */
@MicronautTest(transactional = false)
class TrajectWorkspaceBrowserTest implements DatabaseTest {

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

    private void setDate(String id, String isoDate) {
        // A native date input's typing order follows the browser's locale; set the value directly.
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, isoDate);
    }

    private void submit(String formSelector) {
        chromium.press(driver.findElement(By.cssSelector(formSelector + " button[type=submit]")));
    }

    @Test
    void aSecretaryPlansATrajectAndPublishesAReportThatStaffCanRead() {
        CoalitionResponse coalition = fixtures.coalition("werkruimte", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "werkruimte-secretaris", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String token = api.login(secretary.email(), Fixtures.PASSWORD);
        String base = "/api/v1/coalitions/" + coalition.slug();
        Api.Response body =
                api.post(base + "/bodies", token, Map.of("kind", "STUURGROEP", "name", "Stuurgroep preventie"));
        assertThat(body.status()).as(body.toString()).isEqualTo(201);
        Api.Response member = api.post(
                base + "/members",
                token,
                Map.of("name", "Raster " + Fixtures.unique("r"), "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        String memberName = member.json().get("name").asText();
        Api.Response subsidy = api.post(base + "/subsidies", token, Fixtures.subsidy2021("Opdracht preventie 2021"));
        assertThat(subsidy.status()).as(subsidy.toString()).isEqualTo(201);
        // An employee of the member, given STAFF (by the secretary here; the member's representative may too).
        Account employee = fixtures.account("medewerker");
        Api.Response staff = api.post(
                base + "/staff",
                token,
                Map.of(
                        "email",
                        employee.email(),
                        "memberId",
                        member.json().get("id").asText()));
        assertThat(staff.status()).as(staff.toString()).isBetween(200, 201);

        String trajectTitle = "Van preventie naar potentie " + Fixtures.unique("t");
        String report = "Voortgangsrapportage eerste halfjaar " + Fixtures.unique("v");
        try {
            chromium.logIn(server.getURI(), secretary.email(), Fixtures.PASSWORD);

            // A stakeholder in the krachtenveld first: a communication moment is for someone.
            driver.get(server.getURI()
                    .resolve("/c/" + coalition.slug() + "/krachtenveld")
                    .toString());
            driver.findElement(By.id("stakeholderName")).sendKeys("Gemeenteraad Deventer");
            new Select(driver.findElement(By.id("influence"))).selectByValue("HIGH");
            new Select(driver.findElement(By.id("interestLevel"))).selectByValue("MEDIUM");
            submit("form[action$='/krachtenveld']");
            chromium.waitForPath("/c/" + coalition.slug() + "/krachtenveld");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Gemeenteraad Deventer");

            // The traject.
            driver.findElement(By.linkText("Trajecten")).click();
            chromium.waitForPath("/c/" + coalition.slug() + "/trajecten");
            driver.findElement(By.id("trajectTitle")).sendKeys(trajectTitle);
            new Select(driver.findElement(By.id("ownerBodyId"))).selectByVisibleText("Stuurgroep preventie");
            submit("form[action$='/trajecten']");
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                    .until(d -> chromium.path().matches("/c/" + coalition.slug() + "/trajecten/[0-9a-f-]{36}"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains(trajectTitle);
            String trajectPage = chromium.path();

            // A milestone of the figures, from the traject page.
            driver.findElement(By.id("milestoneTitle")).sendKeys("Communicatieplan opstellen");
            new Select(driver.findElement(By.id("milestoneSubsidyId"))).selectByVisibleText("Opdracht preventie 2021");
            new Select(driver.findElement(By.id("milestoneMemberId"))).selectByVisibleText(memberName);
            setDate("milestoneDueOn", "2021-04-01");
            submit("form[action$='/milestones']");
            chromium.waitForPath(trajectPage);
            WebElement milestones = driver.findElement(By.xpath("//h2[@id='mijlpalen']/following-sibling::*[1]"));
            assertThat(milestones.getText()).contains("Communicatieplan opstellen");

            // A communication moment for that milestone, long past and not done: flagged as late.
            driver.findElement(By.xpath("//label[span[normalize-space()='Gemeenteraad Deventer']]/input"))
                    .click();
            driver.findElement(By.id("commMessage")).sendKeys("Stand van zaken preventie");
            new Select(driver.findElement(By.id("commChannel"))).selectByValue("BRIEF");
            setDate("commPlannedOn", "2021-03-15");
            driver.findElement(By.id("commResponsible")).sendKeys("Projectleider");
            new Select(driver.findElement(By.id("commMilestoneId")))
                    .selectByVisibleText("Communicatieplan opstellen (01-04-2021)");
            submit("form[action$='/communicatie']");
            chromium.waitForPath(trajectPage);
            WebElement moment = driver.findElement(By.xpath("//tr[td[normalize-space()='Stand van zaken preventie']]"));
            assertThat(moment.getText())
                    .contains("15-03-2021", "Gemeenteraad Deventer", "Brief", "Communicatieplan opstellen", "te laat");

            // The progress report, published to staff.
            driver.findElement(By.id("publicationTitle")).sendKeys(report);
            driver.findElement(By.id("publicationBody"))
                    .sendKeys("Alle vier partners leverden hun cijfers; de inloopavonden lopen goed.");
            submit("form#rapportage");
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                    .until(d -> chromium.path().startsWith("/c/" + coalition.slug() + "/publicaties"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains(report);
            chromium.screenshot("workspace-secretary");

            // The employee: straight to the publications, the report readable, nothing else.
            chromium.logIn(server.getURI(), employee.email(), Fixtures.PASSWORD);
            chromium.waitForPath("/c/" + coalition.slug() + "/publicaties");
            assertThat(driver.findElement(By.cssSelector("nav.coalition-nav")).getText())
                    .contains("Publicaties")
                    .doesNotContain("Leden", "Trajecten", "Verantwoording");
            driver.findElement(By.linkText(report)).click();
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains(report, "de inloopavonden lopen goed", trajectTitle);
            chromium.screenshot("workspace-staff");
            driver.get(server.getURI().resolve(trajectPage).toString());
            assertThat(driver.findElement(By.tagName("h1")).getText()).doesNotContain(trajectTitle);
            assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Stand van zaken preventie");
        } catch (AssertionError | RuntimeException e) {
            throw chromium.failure(e);
        }
    }
}
