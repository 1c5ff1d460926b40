package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.documents.DocumentsClient;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.job.JobRunner;
import nl.samenspel.governance.mail.OutboxDispatcher;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.HeadlessChromium;
import nl.samenspel.governance.support.Smtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A two-member signing in a real headless Chromium: the secretary uploads a PDF/A, asks both members
 * to sign it; each representative follows the link in the invitation e-mail, ticks consent, confirms
 * with the password and signs; the sealing job runs; the status page offers the sealed final, which
 * verifies, names both signers in its certificate of completion, and verifies on the /verify page.
 */
@MicronautTest(transactional = false)
class SigningBrowserTest implements DatabaseTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/c/\\S+/signing/[0-9a-f-]{36}");

    final Smtp smtp = new Smtp();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    OutboxDispatcher outbox;

    @Inject
    JobRunner jobs;

    @Inject
    DocumentsClient documents;

    HeadlessChromium chromium;
    WebDriver driver;
    CoalitionResponse coalition;
    Account secretary;
    /** Member name → the account of its representative. */
    final Map<String, Account> representatives = new LinkedHashMap<>();

    @Override
    public Map<String, String> extraProperties() {
        return new HashMap<>(smtp.properties());
    }

    @BeforeAll
    void start() {
        coalition = fixtures.coalition("browser-signing", LegalForm.SAMENWERKINGSVERBAND);
        secretary = fixtures.member(coalition, "browser-signing-secretary", CoalitionRole.SECRETARY);
        Api api = new Api(server);
        String bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        String slug = "/api/v1/coalitions/" + coalition.slug();
        String[][] people = {{"Raster", "signer-fatima"}, {"De Kern", "signer-joost"}};
        for (String[] person : people) {
            String member = person[0] + " " + Fixtures.unique("");
            Api.Response created = api.post(
                    slug + "/members", bearer, Map.of("name", member, "kind", "WELZIJN", "joinedOn", "2021-01-01"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            representatives.put(
                    member,
                    fixtures.representative(
                            coalition, UUID.fromString(created.json().get("id").asText()), person[1]));
        }
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

    private void open(String path) {
        driver.get(server.getURI().resolve(path).toString());
    }

    private void logIn(Account account) {
        chromium.logIn(server.getURI(), account.email(), Fixtures.PASSWORD);
    }

    private void click(String buttonText) {
        chromium.press(driver.findElement(By.xpath("//main//button[normalize-space()='" + buttonText + "']")));
    }

    private String status() {
        return driver.findElement(By.cssSelector("main [role=status]")).getText();
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** A PDF/A original, as the final is PDF/A exactly when the original is. */
    private static Path original() throws Exception {
        byte[] pdf = new DocumentRenderer()
                .render(new StatuteVersionDocument(
                        "Samenwerkingsverband Preventie",
                        "samenwerkingsverband",
                        1,
                        "Samenwerkingsovereenkomst Preventie 2027",
                        LocalDate.of(2027, 1, 1),
                        List.of(
                                new StatuteVersionDocument.Article(
                                        "1", "Partijen", "De ondertekenende organisaties werken samen."),
                                new StatuteVersionDocument.Article(
                                        "2", "Duur", "Deze overeenkomst geldt tot en met 2030."))));
        Files.createDirectories(HeadlessChromium.OUT);
        Path file =
                HeadlessChromium.OUT.resolve("samenwerkingsovereenkomst.pdf").toAbsolutePath();
        Files.write(file, pdf);
        return file;
    }

    /** The invitation e-mail's link to the signing page, on this test server. */
    private String invitationLink(Account account) {
        List<MimeMessage> mail = smtp.to(account.email());
        assertThat(mail).as("the invitation to " + account.email()).isNotEmpty();
        String text = Smtp.text(mail.get(mail.size() - 1));
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group().replaceFirst("^https?://[^/]+", "");
    }

    private void signAs(Account account, String member, String page) {
        logIn(account);
        String link = invitationLink(account);
        assertThat(link).isEqualTo(page);
        open(link);
        assertThat(text("#sign-title")).isEqualTo("Ondertekenen namens " + member);
        assertThat(text("#consentText"))
                .startsWith("Ik, " + account.displayName() + ", onderteken namens " + member)
                .contains("Samenwerkingsovereenkomst Preventie 2027");
        driver.findElement(By.cssSelector("label[for=consent]")).click();
        driver.findElement(By.id("signingPassword")).sendKeys(Fixtures.PASSWORD);
        click("Ondertekenen");
        assertThat(status()).isEqualTo("Uw handtekening is vastgelegd.");
        assertThat(chromium.present(By.id("consent")))
                .as("signed: no form any more")
                .isEmpty();
    }

    @Test
    void twoMembersSignAndTheSealedFinalDownloadsAndVerifies() {
        try {
            String[] members = representatives.keySet().toArray(String[]::new);
            Path original = original();

            // The secretary uploads the PDF and asks both members to sign it.
            logIn(secretary);
            String base = "/c/" + coalition.slug();
            open(base + "/documents");
            driver.findElement(By.id("title")).sendKeys("Samenwerkingsovereenkomst Preventie 2027");
            driver.findElement(By.id("file")).sendKeys(original.toString());
            click("Uploaden");
            assertThat(status()).isEqualTo("Het document is opgeslagen.");
            chromium.press(driver.findElement(By.partialLinkText("Ondertekening aanvragen")));
            assertThat(chromium.path()).isEqualTo(base + "/signing");
            assertThat(driver.findElement(By.cssSelector("nav.coalition-nav [aria-current=page]"))
                            .getText())
                    .isEqualTo("Ondertekenen");
            assertThat(new Select(driver.findElement(By.id("documentId")))
                            .getFirstSelectedOption()
                            .getText())
                    .startsWith("Samenwerkingsovereenkomst Preventie 2027");
            driver.findElement(By.id("message")).sendKeys("Graag tekenen vóór de stuurgroep.");
            for (String member : members) {
                driver.findElement(By.xpath("//label[normalize-space()='" + member + "']"))
                        .click();
            }
            click("Ondertekening aanvragen");
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> chromium.path().matches(base + "/signing/[0-9a-f-]{36}"));
            String page = chromium.path();
            assertThat(status()).startsWith("Het verzoek is verstuurd");
            assertThat(text("#status")).isEqualTo("Open");
            assertThat(text("#signatories")).contains(members[0], members[1], "Nog niet getekend");

            // The invitations go out; each representative follows its link and signs.
            outbox.dispatchDue();
            signAs(representatives.get(members[0]), members[0], page);
            assertThat(text("#status")).isEqualTo("Open");
            assertThat(text("main")).contains("1 van 2");
            signAs(representatives.get(members[1]), members[1], page);
            assertThat(text("#status")).isEqualTo("Wordt verzegeld");
            assertThat(text("#sealing")).contains("vernieuw de pagina over enkele seconden");

            // The job seals the final; after a reload the page offers it.
            jobs.runDue();
            driver.navigate().refresh();
            assertThat(text("#status")).isEqualTo("Ondertekend");
            WebElement download = driver.findElement(By.id("signed-download"));
            assertThat(download.getText()).isEqualTo("Ondertekend document downloaden");
            String sha256 = text("#signed-sha256");
            byte[] sealed = fetch(download.getAttribute("href"));
            assertThat(java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(sealed)))
                    .isEqualTo(sha256);
            assertThat(documents.verify(sealed).valid()).isTrue();
            String text = pdfToText(sealed);
            assertThat(text)
                    .contains("signer-fatima", "signer-joost", members[0], members[1])
                    .contains("De ondertekenende organisaties werken samen.");

            // Anyone of the coalition can check the file on the verification page.
            driver.findElement(By.linkText("Verifiëren")).click();
            chromium.waitForPath("/verify");
            Path downloaded = HeadlessChromium.OUT.resolve("ondertekend.pdf").toAbsolutePath();
            Files.write(downloaded, sealed);
            driver.findElement(By.id("file")).sendKeys(downloaded.toString());
            click("Controleren");
            assertThat(text("#verdict"))
                    .isEqualTo("Dit document is verzegeld door Samenspel en sinds de verzegeling niet gewijzigd.");
            assertThat(text("#verified-sha256")).isEqualTo(sha256);
            assertThat(text("#belongs"))
                    .contains(coalition.name(), "Samenwerkingsovereenkomst Preventie 2027")
                    .contains("signer-fatima (" + members[0] + ")", "signer-joost (" + members[1] + ")");
            chromium.press(driver.findElement(By.linkText("Samenwerkingsovereenkomst Preventie 2027")));
            assertThat(chromium.path()).isEqualTo(page);
        } catch (Throwable e) {
            throw chromium.failure(e);
        }
    }

    /** The download as the browser would get it: with the browser's own session cookie. */
    private byte[] fetch(String href) throws Exception {
        Cookie session = driver.manage().getCookieNamed("JWT");
        assertThat(session).isNotNull();
        HttpRequest request = HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JWT=" + session.getValue())
                .GET()
                .build();
        HttpResponse<byte[]> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("ondertekend.pdf");
        return response.body();
    }

    private static String pdfToText(byte[] pdf) throws Exception {
        Path file = Files.createTempFile(HeadlessChromium.OUT, "final-", ".pdf");
        Files.write(file, pdf);
        Process process = new ProcessBuilder("pdftotext", file.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
