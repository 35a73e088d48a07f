package io.shuzhi.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven through {@code /usr/bin/chromedriver}, with a fresh
 * profile. Selenium Manager never runs ({@code SE_OFFLINE}, and the driver path is given), so nothing is downloaded.
 * Tests that need it skip, saying why, when the driver is not installed; {@code .ci/run} installs it.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test (with the reason in the report) when chromedriver is absent. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(chromium()),
                "headless Chromium is not installed (/usr/bin/chromedriver, /usr/bin/chromium): browser tests skipped."
                        + " Install with: apt-get install -y chromium chromium-driver");
    }

    private static Path chromium() {
        return Stream.of("/usr/bin/chromium", "/usr/lib/chromium/chromium").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(Path.of("/usr/bin/chromium"));
    }

    /** Starts Chromium at the given window size; extra flags (e.g. host resolver rules) are appended. */
    public static Browser start(int width, int height, String... extraFlags) {
        assumeInstalled();
        System.setProperty("SE_OFFLINE", "true");
        try {
            Path profile = Files.createTempDirectory("shuzhi-chromium-");
            var options = new ChromeOptions();
            options.setBinary(chromium().toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                    "--lang=zh-CN");
            options.addArguments(extraFlags);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(WAIT);
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T> T js(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    public <T> T jsAsync(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    public Map<String, Object> cdp(String command, Map<String, Object> params) {
        return driver.executeCdpCommand(command, params);
    }

    /** Lets the page download files into {@code dir} (headless Chromium refuses downloads until told where). */
    public Browser downloadsTo(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cdp("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString(),
                "eventsEnabled", true));
        return this;
    }

    /** Waits for a finished download in {@code dir} whose name ends with {@code suffix}; returns it. */
    public Path awaitDownload(Path dir, String suffix) {
        return await("a downloaded *" + suffix + " in " + dir, d -> {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /**
     * Waits until {@code condition} returns a non-null, non-false value; the message says what never happened. An
     * element gone stale (re-rendered) counts as not yet.
     */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        // A part of the page re-rendered between finding an element and reading it: read it again at the next poll.
        return new WebDriverWait(driver, WAIT).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    public WebElement find(SearchContext in, String css) {
        return in.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(SearchContext in, String css) {
        return in.findElements(By.cssSelector(css));
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a PNG under target/screenshots/ and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A temp profile left behind is harmless.
            }
        }
    }
}
