package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The secretary's path through the UI in a real headless Chromium. Chromium and chromedriver come
 * from the OS (CI installs them); without them this test fails rather than skips.
 */
@MicronautTest(transactional = false)
class MemberPagesBrowserTest implements DatabaseTest {

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
    void aSecretaryAddsAMemberWithDutchFiguresAndSwitchesToEnglish() {
        CoalitionResponse coalition = fixtures.coalition("browser", LegalForm.COOPERATIE_UA);
        Account secretary = fixtures.member(coalition, "browser-secretary", CoalitionRole.SECRETARY);
        String name = "Stichting Browser " + Fixtures.unique("");
        try {
            driver.get(server.getURI()
                    .resolve("/c/" + coalition.slug() + "/members")
                    .toString());
            // Not logged in: the UI sends the browser to the login form.
            chromium.waitForPath("/login");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("nl");
            driver.findElement(By.id("email")).sendKeys(secretary.email());
            driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            driver.findElement(By.cssSelector("main button[type=submit]")).click();

            chromium.waitForPath("/c/" + coalition.slug());
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(coalition.name());

            driver.findElement(By.linkText("Leden")).click();
            chromium.waitForPath("/c/" + coalition.slug() + "/members");
            driver.findElement(By.linkText("Lid toevoegen")).click();
            chromium.waitForPath("/c/" + coalition.slug() + "/members/new");

            driver.findElement(By.id("name")).sendKeys(name);
            new Select(driver.findElement(By.id("kind"))).selectByVisibleText("Zorgaanbieder");
            driver.findElement(By.id("kvkNumber")).sendKeys("87654321");
            driver.findElement(By.id("rsin")).sendKeys("002220647");
            // A native date input's typing order follows the browser's locale; set the value directly.
            ((JavascriptExecutor) driver).executeScript("document.getElementById('joinedOn').value = '2024-01-15'");
            driver.findElement(By.id("contributionFte")).sendKeys("27,31");
            driver.findElement(By.id("contribution")).sendKeys("1.209.505,00");
            driver.findElement(By.id("votingWeight")).clear();
            driver.findElement(By.id("votingWeight")).sendKeys("3");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();

            chromium.waitForPath("/c/" + coalition.slug() + "/members");
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .isEqualTo("Het lid is toegevoegd.");
            WebElement row = driver.findElement(By.xpath("//tr[th[normalize-space()='" + name + "']]"));
            assertThat(row.getText()).contains("€ 1.209.505,00", "27,31", "15-01-2024", "87654321", "002220647");
            chromium.screenshot("members-nl");

            driver.findElement(By.linkText("English")).click();
            new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Members");
            assertThat(driver.findElement(By.cssSelector("table.data thead")).getText())
                    .contains("Contribution", "Voting weight", "Member since");
            assertThat(driver.findElement(By.xpath("//tr[th[normalize-space()='" + name + "']]"))
                            .getText())
                    .contains("€1,209,505.00", "27.31", "Care provider");
            assertThat(driver.findElement(By.cssSelector("header form button")).getText())
                    .isEqualTo("Log out");
        } catch (AssertionError | RuntimeException e) {
            throw chromium.failure(e);
        }
    }
}
