package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A complete written vote in a real headless Chromium: the secretary drafts and opens a proposal
 * through the pages, one representative declares a conflict of interest, one grants a proxy, two vote
 * through the radio form, and after the close the page shows the outcome, the tally as a bar chart and
 * the explanation naming the proxy (which does not count outside a meeting) and the recusal.
 */
@MicronautTest(transactional = false)
class ProposalBrowserTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    HeadlessChromium chromium;
    WebDriver driver;
    CoalitionResponse coalition;
    Account secretary;
    String bodyName;
    /** Member name → the account of its representative. */
    final Map<String, Account> representatives = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        coalition = fixtures.coalition("browser-proposal", LegalForm.SAMENWERKINGSVERBAND);
        secretary = fixtures.member(coalition, "browser-proposal-secretary", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        String slug = "/api/v1/coalitions/" + coalition.slug();
        String body = ProposalPagesTest.stuurgroep(api, bearer, slug);
        JsonNode b = api.get(slug + "/bodies/" + body, bearer).json();
        bodyName = b.get("name").asText();
        for (String name : new String[] {"Raster", "De Kern", "MEE IJsseloevers", "Zorggroep Solis"}) {
            String member = name + " " + Fixtures.unique("");
            String id = ProposalPagesTest.seatedMember(api, bearer, slug, body, member);
            representatives.put(
                    member, fixtures.representative(coalition, UUID.fromString(id), "browser-proposal-rep"));
        }
        chromium = new HeadlessChromium();
        driver = chromium.driver();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void open(String path) {
        driver.get(server.getURI().resolve(path).toString());
    }

    private void logIn(Account account) {
        chromium.logIn(server.getURI(), account.email(), Fixtures.PASSWORD);
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void click(String buttonText) {
        chromium.press(driver.findElement(By.xpath("//main//button[normalize-space()='" + buttonText + "']")));
    }

    private String status() {
        return driver.findElement(By.cssSelector("[role=status]")).getText();
    }

    private String path() {
        return chromium.path();
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void aWrittenVoteWithAProxyAndARecusal() {
        try {
            String[] members = representatives.keySet().toArray(String[]::new);
            String recused = members[0];
            String grantor = members[1];
            String holder = members[2];
            String against = members[3];

            // The secretary drafts and opens the proposal.
            logIn(secretary);
            String proposals = "/c/" + coalition.slug() + "/proposals";
            open(proposals);
            assertThat(driver.findElement(By.cssSelector("nav.coalition-nav [aria-current=page]"))
                            .getText())
                    .isEqualTo("Voorstellen");
            driver.findElement(By.linkText("Voorstel opstellen")).click();
            chromium.waitForPath(proposals + "/new");
            type("title", "Jaarplan 2027");
            type("text", "De stuurgroep stelt het jaarplan 2027 vast.");
            new Select(driver.findElement(By.id("bodyId"))).selectByVisibleText(bodyName);
            assertThat(driver.findElement(By.id("mode-WRITTEN")).isSelected()).isTrue();
            click("Voorstel opstellen");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().matches(proposals + "/[0-9a-f-]{36}"));
            String page = path();
            assertThat(status()).startsWith("Het voorstel is opgesteld.");
            assertThat(chromium.present(By.name("choice")))
                    .as("the secretary holds no mandate")
                    .isEmpty();
            click("Stemming openen");
            assertThat(status()).startsWith("De stemming is geopend");

            // One representative declares a conflict of interest for its member.
            logIn(representatives.get(recused));
            open(page);
            assertThat(new Select(driver.findElement(By.id("conflictMemberId")))
                            .getOptions()
                            .size())
                    .as("only its own member")
                    .isEqualTo(1);
            type("reason", "Onze bestuurder is ook aannemer van het project.");
            click("Belang melden");
            assertThat(status()).isEqualTo("Het tegenstrijdig belang is vastgelegd.");
            assertThat(text("main")).contains(recused + ": Onze bestuurder is ook aannemer van het project.");

            // Another grants its proxy.
            logIn(representatives.get(grantor));
            open(page);
            new Select(driver.findElement(By.id("holderId"))).selectByVisibleText(holder);
            click("Volmacht vastleggen");
            assertThat(status()).isEqualTo("De volmacht is vastgelegd.");
            assertThat(text("main")).contains(grantor + " geeft volmacht aan " + holder + " (vrij te stemmen).");

            // Two vote through the radio form.
            logIn(representatives.get(holder));
            open(page);
            WebElement legend = driver.findElement(By.cssSelector("fieldset#choice legend"));
            assertThat(legend.getText()).isEqualTo("Stem namens " + holder);
            driver.findElement(By.cssSelector("label[for=choice-FOR]")).click();
            click("Stem uitbrengen");
            assertThat(status()).isEqualTo("Uw stem is vastgelegd.");
            assertThat(driver.findElement(By.id("choice-FOR")).isSelected())
                    .as("the current choice is preselected")
                    .isTrue();

            logIn(representatives.get(against));
            open(page);
            driver.findElement(By.cssSelector("label[for=choice-AGAINST]")).click();
            click("Stem uitbrengen");
            assertThat(status()).isEqualTo("Uw stem is vastgelegd.");
            assertThat(text("main"))
                    .as("how others voted stays hidden until the close")
                    .doesNotContain("Uitslag");

            // The secretary closes; the page shows the outcome, the chart and the explanation.
            logIn(secretary);
            open(page);
            click("Stemming nu sluiten");
            assertThat(status()).isEqualTo("De stemming is gesloten.");
            // Outside a meeting the convenant asks for every member's vote and each member votes itself: the
            // proxy is registered but does not count, so one vote against rejects the proposal.
            assertThat(text("#outcome")).isEqualTo("verworpen");
            assertThat(text(".vote-chart")).contains("Voor", "1 (50%)", "Tegen", "1 (50%)", "Onthouding", "0 (0%)");
            assertThat(driver.findElement(By.cssSelector(".vote-for")).getAttribute("style"))
                    .contains("width: 50%");
            assertThat(text("#declaration")).contains("De secretaris", "buiten vergadering is verworpen");
            String explanation = text("#explanation");
            assertThat(explanation).contains("Volmacht van " + grantor + " aan " + holder + " telt niet");
            assertThat(explanation).contains(recused).contains("tegenstrijdig belang");
            assertThat(text("main")).contains(against).doesNotContain("Stemming nu sluiten");
            assertThat(chromium.present(By.name("choice"))).isEmpty();

            // The decision register finds it.
            open("/c/" + coalition.slug() + "/decision-register");
            type("q", "jaarplan");
            click("Zoeken");
            assertThat(text("main table")).contains("Jaarplan 2027", "verworpen", "1 / 1 / 0");
            assertThat(driver.findElement(By.partialLinkText("CSV")).getAttribute("href"))
                    .contains("/api/v1/coalitions/" + coalition.slug() + "/decision-register/export.csv");
        } catch (RuntimeException | AssertionError e) {
            throw chromium.failure(e);
        }
    }
}
