package nl.samenspel.governance.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
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
        return new AssertionError("browser test failed at " + driver.getCurrentUrl() + "; screenshot " + shot, cause);
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
