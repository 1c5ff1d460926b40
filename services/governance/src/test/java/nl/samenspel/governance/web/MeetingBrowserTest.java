package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A secretary's meeting cycle in a real headless Chromium: create a body with seats, plan a meeting,
 * put up its agenda and a document, register attendance and see the quorum, draft the minutes, and
 * approve them in the next meeting of the body.
 */
@MicronautTest(transactional = false)
class MeetingBrowserTest implements DatabaseTest {

    static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    HeadlessChromium chromium;
    WebDriver driver;
    CoalitionResponse coalition;
    String raster;
    String deKern;

    @BeforeAll
    void start() {
        coalition = fixtures.coalition("browser-meeting", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "browser-meeting-secretary", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        raster = member(api, bearer, "Raster " + Fixtures.unique(""));
        deKern = member(api, bearer, "De Kern " + Fixtures.unique(""));
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
                Map.of("name", name, "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private void open(String path) {
        driver.get(server.getURI().resolve(path).toString());
    }

    /** Native date and time inputs type in the browser's locale order; set the value directly. */
    private void set(String id, String value) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void click(String buttonText) {
        press(driver.findElement(By.xpath("//main//button[normalize-space()='" + buttonText + "']")));
    }

    private void press(WebElement button) {
        chromium.press(button);
    }

    private String status() {
        return driver.findElement(By.cssSelector("[role=status]")).getText();
    }

    private String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    private String planMeeting(String body, String title, LocalDate day) {
        String meetings = "/c/" + coalition.slug() + "/meetings";
        open(meetings);
        driver.findElement(By.linkText("Vergadering plannen")).click();
        chromium.waitForPath(meetings + "/new");
        new Select(driver.findElement(By.id("bodyId"))).selectByVisibleText(body);
        type("title", title);
        set("date", day.toString());
        set("startTime", "14:00");
        set("endTime", "16:00");
        type("location", "Stadhuis Deventer, Grote Kerkhof 4");
        click("Vergadering plannen");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().matches(meetings + "/[0-9a-f-]{36}"));
        assertThat(status()).startsWith("De vergadering is gepland.");
        return path();
    }

    @Test
    void aSecretaryCreatesABodyPlansAMeetingRegistersAttendanceAndApprovesTheMinutes() throws IOException {
        String bodies = "/c/" + coalition.slug() + "/bodies";
        String body = "Stuurgroep preventie " + Fixtures.unique("");
        LocalDate today = LocalDate.now(NL);
        try {
            // The body, with a voting seat for each partner.
            open(bodies);
            driver.findElement(By.linkText("Orgaan toevoegen")).click();
            new Select(driver.findElement(By.id("bodyKind"))).selectByVisibleText("Stuurgroep");
            type("bodyName", body);
            type("mandate", "Stuurt op de uitvoering van het preventieplan.");
            driver.findElement(By.id("decisionType-ORDINARY")).click();
            press(driver.findElement(By.cssSelector("main form button[type=submit]")));
            chromium.waitForPath(bodies);
            for (String[] seat : new String[][] {{raster, "Anna de Vries"}, {deKern, "Bram Jansen"}}) {
                driver.findElement(By.xpath("//section[h2[normalize-space()='" + body + "']]"))
                        .findElement(By.partialLinkText("Zetel toevoegen"))
                        .click();
                new Select(driver.findElement(By.id("memberId"))).selectByVisibleText(seat[0]);
                type("personName", seat[1]);
                set("termFrom", "2021-01-01");
                press(driver.findElement(By.cssSelector("main form button[type=submit]")));
                chromium.waitForPath(bodies);
            }

            // A meeting two weeks ago: the agenda, a document, the attendance, the draft minutes.
            String first = planMeeting(body, "Stuurgroep november", today.minusDays(14));
            type("itemTitle", "Opening en mededelingen");
            click("Agendapunt toevoegen");
            assertThat(status()).isEqualTo("Het agendapunt is toegevoegd.");
            // A decision item in a meeting that already took place is far inside the notice period.
            type("itemTitle", "Jaarplan 2027");
            new Select(driver.findElement(By.id("itemKind"))).selectByVisibleText("ter besluitvorming");
            new Select(driver.findElement(By.id("decisionType"))).selectByVisibleText("gewoon besluit");
            click("Agendapunt toevoegen");
            assertThat(driver.findElement(By.id("notice-rule")).getText())
                    .contains("Te kort dag")
                    .contains("ten minste 7 dagen van tevoren")
                    .contains(String.format(
                            "%02d-%02d-%d",
                            today.plusDays(7).getDayOfMonth(),
                            today.plusDays(7).getMonthValue(),
                            today.plusDays(7).getYear()));
            assertThat(driver.findElement(By.id("itemTitle")).getAttribute("value"))
                    .as("the typed item is kept")
                    .isEqualTo("Jaarplan 2027");
            assertThat(driver.findElements(By.cssSelector("ol.agenda > li"))).hasSize(1);

            Path pdf = Files.createTempFile("verslag", ".pdf");
            Files.writeString(pdf, "%PDF-1.7\n% verslag\n", StandardCharsets.US_ASCII);
            WebElement item = driver.findElement(By.cssSelector("ol.agenda > li"));
            item.findElement(By.cssSelector("input[type=file]"))
                    .sendKeys(pdf.toAbsolutePath().toString());
            item.findElement(By.xpath(".//button[normalize-space()='Uploaden']"))
                    .click();
            assertThat(status()).isEqualTo("Het stuk is toegevoegd.");
            assertThat(driver.findElement(By.cssSelector("ol.agenda")).getText())
                    .contains(pdf.getFileName().toString());

            String rasterRow = "//tr[th[normalize-space()='" + raster + "']]";
            String deKernRow = "//tr[th[normalize-space()='" + deKern + "']]";
            new Select(driver.findElement(By.xpath(rasterRow + "//select[starts-with(@id,'status-')]")))
                    .selectByVisibleText("aanwezig");
            driver.findElement(By.xpath(rasterRow + "//input[starts-with(@id,'person-')]"))
                    .sendKeys("Anna de Vries");
            new Select(driver.findElement(By.xpath(deKernRow + "//select[starts-with(@id,'status-')]")))
                    .selectByVisibleText("vertegenwoordigd (volmacht)");
            new Select(driver.findElement(By.xpath(deKernRow + "//select[starts-with(@id,'proxy-')]")))
                    .selectByVisibleText(raster);
            click("Aanwezigheid opslaan");
            assertThat(status()).isEqualTo("De aanwezigheid is opgeslagen.");
            String quorum = driver.findElement(By.cssSelector("section.quorum")).getText();
            assertThat(quorum).contains("gehaald").contains("2 van 2 aanwezig of vertegenwoordigd; 2 nodig.");
            assertThat(quorum).doesNotContain("niet gehaald");

            type(
                    "minutesText",
                    "Aanwezig: Raster (Anna de Vries), De Kern bij volmacht.\nHet jaarplan wordt besproken.");
            click("Concept opslaan");
            assertThat(status()).isEqualTo("Het concept van de notulen is opgeslagen.");
            assertThat(driver.findElement(By.id("minutes"))
                            .findElement(By.xpath(".."))
                            .getText())
                    .contains("Concept; nog niet vastgesteld.");

            // The next meeting, yesterday, approves them.
            String second = planMeeting(body, "Stuurgroep december", today.minusDays(1));
            WebElement approve = driver.findElement(By.cssSelector(".approve"));
            assertThat(approve.getText()).contains("Stuurgroep november");
            press(approve.findElement(By.xpath(".//button")));
            chromium.waitForPath(second);
            assertThat(status()).isEqualTo("De notulen zijn vastgesteld.");
            assertThat(chromium.present(By.cssSelector(".approve"))).isEmpty();

            open(first);
            String minutes = driver.findElement(By.id("minutes"))
                    .findElement(By.xpath(".."))
                    .getText();
            assertThat(minutes).contains("Vastgesteld op").contains("Het jaarplan wordt besproken.");
            assertThat(chromium.present(By.id("minutesText")))
                    .as("approved minutes are final")
                    .isEmpty();
            chromium.screenshot("meeting-minutes-approved");
        } catch (AssertionError | RuntimeException e) {
            throw chromium.failure(e);
        }
    }

    @Test
    void aMeetingWithoutPlaceOrTimeComesBackWithTheErrors() {
        String meetings = "/c/" + coalition.slug() + "/meetings";
        try {
            open(meetings + "/new");
            set("date", "");
            set("startTime", "");
            click("Vergadering plannen");
            chromium.waitForPath(meetings + "/new");
            String summary = driver.findElement(By.id("error-summary")).getText();
            assertThat(summary).contains("Orgaan", "Titel", "Datum", "Begintijd");
            assertThat(driver.findElement(By.id("title-error")).getText()).contains("Vul dit veld in.");
        } catch (AssertionError | RuntimeException e) {
            throw chromium.failure(e);
        }
    }
}
