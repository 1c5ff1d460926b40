package nl.samenspel.governance.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium from the OS packages (CI installs chromium and chromium-driver). Without
 * them a browser test fails with a clear message rather than skipping.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    public static final Path OUT = Path.of("target", "browser");

    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    private final ChromeDriverService service;
    private final WebDriver driver;

    public HeadlessChromium() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new AssertionError("Headless Chromium is required for this test: install it with "
                    + "'apt-get install chromium chromium-driver' (/usr/bin/chromium and /usr/bin/chromedriver)");
        }
        try {
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
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl() != null
                        && URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    /** The path of the page the browser shows now. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * Submits with the button and waits until the browser shows the next page, fully loaded. The page
     * it was on is marked first and the next page is the one without the mark: asking the old button
     * whether it went stale is not reliable, as chromedriver can answer with "node does not belong to
     * the document" instead of a stale-element error while the new page commits.
     */
    public void press(WebElement button) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.samenspelPageBeforeSubmit = true");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(WebDriverException.class)
                .withMessage(() -> "the page did not change after pressing the button")
                .until(
                        d -> Boolean.TRUE.equals(
                                js.executeScript(
                                        "return window.samenspelPageBeforeSubmit === undefined && document.readyState === 'complete'")));
    }

    /**
     * Logs in through the form as a fresh browser session (all cookies dropped first) and waits until
     * the login has landed somewhere other than the login form.
     */
    public void logIn(URI server, String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get(server.resolve("/login").toString());
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        press(driver.findElement(By.cssSelector("main button[type=submit]")));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .withMessage(() -> "the login as " + email + " did not get past the login form")
                .until(d -> !path().equals("/login")
                        && !d.findElements(By.cssSelector("nav.coalition-nav, main h1"))
                                .isEmpty());
    }

    /** The elements matching, looked up without the implicit wait: for asserting that something is absent. */
    public List<WebElement> present(By by) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(by);
        } finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    public Path screenshot(String name) {
        try {
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = OUT.resolve(name + ".png");
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wraps a failure with where the browser was and a screenshot of what it showed. */
    public AssertionError failure(Throwable cause) {
        Path shot = screenshot("failure-" + System.currentTimeMillis());
        String shown;
        try {
            shown = driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            shown = "(page text unavailable: " + e.getClass().getSimpleName() + ")";
        }
        if (shown.length() > 1500) {
            shown = shown.substring(0, 1500) + "…";
        }
        // The cause's message goes into this message too: CI summaries print only the first line of each.
        return new AssertionError(
                "browser test failed at " + driver.getCurrentUrl() + ": " + cause + "; screenshot " + shot
                        + "\n--- page text ---\n" + shown,
                cause);
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
