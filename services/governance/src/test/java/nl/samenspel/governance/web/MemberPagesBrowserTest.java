package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The secretary's path through the UI in a real headless Chromium. Chromium and chromedriver come
 * from the OS (CI installs them); without them this test fails rather than skips.
 */
@MicronautTest(transactional = false)
class MemberPagesBrowserTest implements DatabaseTest {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path OUT = Path.of("target", "browser");

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    WebDriver driver;
    ChromeDriverService service;

    @BeforeAll
    void startBrowser() throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new AssertionError("Headless Chromium is required for this test: install it with "
                    + "'apt-get install chromium chromium-driver' (/usr/bin/chromium and /usr/bin/chromedriver)");
        }
        Files.createDirectories(OUT);
        Path profile = Files.createTempDirectory(OUT, "profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        // An explicit driver and binary: Selenium Manager must not try to download anything.
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void aSecretaryAddsAMemberWithDutchFiguresAndSwitchesToEnglish() throws IOException {
        CoalitionResponse coalition = fixtures.coalition("browser", LegalForm.COOPERATIE_UA);
        Account secretary = fixtures.member(coalition, "browser-secretary", CoalitionRole.SECRETARY);
        String name = "Stichting Browser " + Fixtures.unique("");
        try {
            driver.get(server.getURI()
                    .resolve("/c/" + coalition.slug() + "/members")
                    .toString());
            // Not logged in: the UI sends the browser to the login form.
            waitForPath("/login");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("nl");
            driver.findElement(By.id("email")).sendKeys(secretary.email());
            driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            driver.findElement(By.cssSelector("main button[type=submit]")).click();

            waitForPath("/c/" + coalition.slug());
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(coalition.name());

            driver.findElement(By.linkText("Leden")).click();
            waitForPath("/c/" + coalition.slug() + "/members");
            driver.findElement(By.linkText("Lid toevoegen")).click();
            waitForPath("/c/" + coalition.slug() + "/members/new");

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

            waitForPath("/c/" + coalition.slug() + "/members");
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .isEqualTo("Het lid is toegevoegd.");
            WebElement row = driver.findElement(By.xpath("//tr[th[normalize-space()='" + name + "']]"));
            assertThat(row.getText()).contains("€ 1.209.505,00", "27,31", "15-01-2024", "87654321", "002220647");
            screenshot("members-nl");

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
            Path shot = screenshot("failure-" + System.currentTimeMillis());
            throw new AssertionError("browser test failed at " + driver.getCurrentUrl() + "; screenshot " + shot, e);
        }
    }

    private void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl() != null
                        && java.net.URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    private Path screenshot(String name) throws IOException {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = OUT.resolve(name + ".png");
        Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target.toAbsolutePath();
    }
}
