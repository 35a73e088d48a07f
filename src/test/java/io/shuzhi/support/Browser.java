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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven through {@code /usr/bin/chromedriver}. Selenium Manager
 * never runs ({@code SE_OFFLINE}, and the driver path is given), so nothing is downloaded. Tests that need it skip,
 * saying why, when the driver is not installed; {@code .ci/run} installs it.
 *
 * <p>Starting Chromium and chromedriver takes seconds, so one Chromium serves every test of the JVM (quit by a shutdown
 * hook), and each {@link #start} gets a window in a browser context of its own (CDP {@code Target.createBrowserContext}):
 * like a fresh profile, it shares no cookies, storage, cache or permissions with any other test, and {@link #close}
 * throws it all away. Only a test that needs other Chromium flags gets a Chromium (and a temporary profile) of its own.
 * In every browser {@code embed-allowed.test} and {@code embed-blocked.test} resolve to 127.0.0.1, for the widget's
 * host sites.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How often a wait looks again: a reply renders within milliseconds, so WebDriverWait's 500 ms would dominate. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String TEST_SITES =
            "--host-resolver-rules=MAP embed-allowed.test 127.0.0.1, MAP embed-blocked.test 127.0.0.1";
    /** CDP commands on the browser as a whole that take the context they apply to (else the default one). */
    private static final Set<String> PER_CONTEXT = Set.of("Browser.grantPermissions", "Browser.resetPermissions",
            "Browser.setPermission", "Browser.setDownloadBehavior", "Browser.cancelDownload");

    private static Shared shared;
    private static boolean quitOnExit;

    private final ChromeDriver driver;
    /** The temporary profile of a Chromium of its own (deleted on close), or null in the shared one. */
    private final Path profile;
    /** The shared Chromium and this browser's context in it, or null for a Chromium of its own. */
    private final Shared in;
    private final String context;

    private Browser(ChromeDriver driver, Path profile, Shared in, String context) {
        this.driver = driver;
        this.profile = profile;
        this.in = in;
        this.context = context;
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

    /**
     * A window of the given size in a fresh browser context of the shared Chromium; with extra flags, a Chromium of its
     * own started with them.
     */
    public static Browser start(int width, int height, String... extraFlags) {
        assumeInstalled();
        if (extraFlags.length > 0) {
            Path profile = temporaryProfile();
            return new Browser(launch(profile, width, height, extraFlags), profile, null, null);
        }
        return shared().window(width, height);
    }

    private static synchronized Shared shared() {
        if (shared != null && !shared.alive()) {
            shared.quit();
            shared = null;
        }
        if (shared == null) {
            Path profile = temporaryProfile();
            shared = new Shared(launch(profile, 1280, 860), profile);
            if (!quitOnExit) {
                Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitShared, "quit-shared-chromium"));
                quitOnExit = true;
            }
        }
        return shared;
    }

    private static synchronized void quitShared() {
        if (shared != null) shared.quit();
        shared = null;
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("shuzhi-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChromeDriver launch(Path profile, int width, int height, String... extraFlags) {
        System.setProperty("SE_OFFLINE", "true");
        var options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=zh-CN", TEST_SITES);
        options.addArguments(extraFlags);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return driver;
    }

    /** The one Chromium of the JVM: its first window stays open (blank) so that the session outlives every test's. */
    private static final class Shared {
        private final ChromeDriver driver;
        private final Path profile;
        private final String home;
        private final DevTools devTools;

        Shared(ChromeDriver driver, Path profile) {
            this.driver = driver;
            this.profile = profile;
            this.home = driver.getWindowHandle();
            // Not attached to a page: commands go to the browser itself, which alone may make browser contexts.
            this.devTools = driver.getDevTools();
        }

        boolean alive() {
            try {
                driver.getWindowHandles();
                return true;
            } catch (WebDriverException e) {
                return false;
            }
        }

        Map<String, Object> send(String command, Map<String, Object> params) {
            return devTools.send(new Command<Map<String, Object>>(command, params, Map.class));
        }

        synchronized Browser window(int width, int height) {
            String context = (String) send("Target.createBrowserContext", Map.of()).get("browserContextId");
            String target = (String) send("Target.createTarget", Map.of("url", "about:blank", "browserContextId",
                    context, "newWindow", true, "width", width, "height", height)).get("targetId");
            driver.switchTo().window(target);
            return new Browser(driver, null, this, context);
        }

        synchronized void dispose(String context) {
            driver.switchTo().window(home);
            send("Target.disposeBrowserContext", Map.of("browserContextId", context));
        }

        void quit() {
            try {
                devTools.close();
                driver.quit();
            } finally {
                deleteProfile(profile);
            }
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

    /** A CDP command to this browser's page; one to the whole browser that can name a context applies to this one. */
    public Map<String, Object> cdp(String command, Map<String, Object> params) {
        if (in != null && PER_CONTEXT.contains(command) && !params.containsKey("browserContextId")) {
            var inContext = new HashMap<>(params);
            inContext.put("browserContextId", context);
            return in.send(command, inContext);
        }
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
        return new WebDriverWait(driver, WAIT).pollingEvery(POLL).withMessage(what)
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

    /** Throws away this browser's context (its window, cookies and storage), or quits its own Chromium. */
    @Override
    public void close() {
        if (in != null) {
            in.dispose(context);
            return;
        }
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp profile left behind is harmless.
        }
    }
}
