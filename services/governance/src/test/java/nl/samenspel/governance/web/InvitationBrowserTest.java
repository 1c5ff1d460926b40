package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.mail.OutboxDispatcher;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.HeadlessChromium;
import nl.samenspel.governance.support.Smtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole path of issue 2 in a real browser: a secretary logs in, adds a member and invites its
 * representative; the e-mail arrives over SMTP; the representative follows its link, chooses a
 * password, and later logs in with it.
 */
@MicronautTest(transactional = false)
class InvitationBrowserTest implements DatabaseTest {

    static final String PASSWORD = "een zin van vijf woorden";

    final Smtp smtp = new Smtp();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    OutboxDispatcher dispatcher;

    HeadlessChromium chromium;
    WebDriver driver;

    @Override
    public Map<String, String> extraProperties() {
        return new HashMap<>(smtp.properties());
    }

    @BeforeAll
    void startBrowser() {
        chromium = new HeadlessChromium();
        driver = chromium.driver();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        smtp.close();
    }

    @Test
    void aSecretaryInvitesARepresentativeWhoAcceptsFromTheEmailAndLogsIn() {
        CoalitionResponse coalition = fixtures.coalition("uitnodiging", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY);
        String member = "De Kern " + Fixtures.unique("");
        String email = Fixtures.unique("vertegenwoordiger") + "@dekern.example";
        String base = server.getURI().toString().replaceAll("/$", "");
        try {
            // The secretary logs in and adds the member.
            driver.get(base + "/login");
            driver.findElement(By.id("email")).sendKeys(secretary.email());
            driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            driver.findElement(By.cssSelector("main button[type=submit]")).click();
            chromium.waitForPath("/c/" + coalition.slug());
            driver.findElement(By.linkText("Leden")).click();
            driver.findElement(By.linkText("Lid toevoegen")).click();
            driver.findElement(By.id("name")).sendKeys(member);
            new Select(driver.findElement(By.id("kind"))).selectByVisibleText("Welzijnsorganisatie");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('joinedOn').value = '2021-01-01'");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            chromium.waitForPath("/c/" + coalition.slug() + "/members");

            // ... opens its representatives and invites one.
            driver.findElement(By.linkText(member)).click();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Vertegenwoordigers van " + member);
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("displayName")).sendKeys("Fatima El Idrissi");
            driver.findElement(By.cssSelector("#invite-title ~ form button[type=submit]"))
                    .click();
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .isEqualTo("De uitnodiging is verstuurd.");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Fatima El Idrissi (" + email + ")");
            driver.findElement(By.cssSelector("header form button")).click();
            chromium.waitForPath("/login");

            // The e-mail goes out over SMTP and carries the link.
            dispatcher.dispatchDue();
            List<MimeMessage> mail = smtp.to(email);
            assertThat(mail).hasSize(1);
            String link = link(Smtp.text(mail.get(0)));

            // The representative follows the link and chooses a password.
            driver.get(link.replaceFirst("^https?://[^/]+", base));
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("U bent uitgenodigd om " + member + " te vertegenwoordigen in " + coalition.name());
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("passwordRepeat")).sendKeys(PASSWORD + " (anders)");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            assertThat(driver.findElement(By.id("error-summary")).getText())
                    .contains("De twee wachtwoorden zijn niet gelijk.");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("passwordRepeat")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            chromium.waitForPath("/c/" + coalition.slug());
            assertThat(driver.findElement(By.cssSelector("header .who")).getText())
                    .isEqualTo("Fatima El Idrissi");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Vertegenwoordiger");

            // The link is single-use.
            driver.findElement(By.cssSelector("header form button")).click();
            chromium.waitForPath("/login");
            driver.get(link.replaceFirst("^https?://[^/]+", base));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("al aangenomen");

            // Later, the representative logs in with the new password.
            driver.get(base + "/login");
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("main button[type=submit]")).click();
            chromium.waitForPath("/c/" + coalition.slug());
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(coalition.name());
            chromium.screenshot("representative-logged-in");
        } catch (AssertionError | RuntimeException e) {
            throw chromium.failure(e);
        }
    }

    private static String link(String text) {
        Matcher matcher =
                Pattern.compile("https?://\\S+/invitations/[A-Za-z0-9_-]{43}").matcher(text);
        assertThat(matcher.find()).as("an invitation link in: " + text).isTrue();
        return matcher.group();
    }
}
