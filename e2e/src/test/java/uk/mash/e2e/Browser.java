package uk.mash.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven through {@code /usr/bin/chromedriver};
 * {@code .ci/browser} installs both when missing), as a person at a desk uses the console. Every page
 * it {@link #look}s at is checked the way the issue asks: no browser console error, no serious or
 * critical axe-core violation, and a screenshot under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of(System.getProperty("mash.e2e.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("mash.e2e.chromium", "/usr/bin/chromium"));

    private final ChromeDriver driver;
    private final String base;
    private final Path screenshots;
    private final String axe;
    private int shots;

    Browser(String base, Path screenshots) throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("No " + CHROMIUM + " or " + CHROMEDRIVER
                    + ": install Debian's chromium and chromium-driver (.ci/browser does, as root)");
        }
        this.base = base;
        this.screenshots = screenshots;
        Files.createDirectories(screenshots);
        try (var old = Files.newDirectoryStream(screenshots, "*.png")) {
            for (Path png : old) {
                Files.delete(png); // only this run's pages, numbered in the order visited
            }
        }
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,2200", "--user-data-dir=" + Files.createTempDirectory("mash-e2e-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Waits (up to 20 s) until the browser is on {@code path} (after a form's redirect), and says where it is. */
    String awaitPath(String path) {
        waitUpTo20s(d -> path().equals(path));
        return path();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Waits (up to 20 s) for an element the page shows after a form's post and redirect, and returns it. */
    WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /**
     * Waits (up to 20 s) for an element's text to become {@code expected}, as the page after a form's post shows
     * it where the page before had other text in the same place, and returns the text it last had (which the
     * caller asserts, so a wrong page fails on what it showed).
     */
    String awaitText(By by, String expected) {
        return awaitTextWhere(by, expected::equals);
    }

    /**
     * Waits (up to 20 s) for an element whose text contains {@code expected}, as the page after a form's post
     * shows it where the page before may show an earlier banner or summary in the same place, and returns the
     * text it last had (which the caller asserts).
     */
    String awaitShowing(By by, String expected) {
        return awaitTextWhere(by, text -> text.contains(expected));
    }

    /** Waits (up to 20 s) for an element found by {@code by} whose text is {@code wanted}; the text last seen. */
    private String awaitTextWhere(By by, Predicate<String> wanted) {
        String[] last = {null};
        waitUpTo20s(d -> {
            for (WebElement found : d.findElements(by)) {
                last[0] = found.getText();
                if (wanted.test(last[0])) {
                    return true;
                }
            }
            return false;
        });
        return last[0];
    }

    /**
     * Waits up to 20 s for {@code done}, an element gone stale meanwhile (the page being replaced) read again;
     * at the end the callers return what the page shows, and their assertions say what was shown instead.
     */
    private void waitUpTo20s(Function<WebDriver, Boolean> done) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(done);
        } catch (TimeoutException shownOtherwise) {
            // the caller's assertion says what was shown instead
        }
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits (up to {@code timeout}) until {@code ready} holds, reloading the page between tries. */
    void reloadUntil(Duration timeout, java.util.function.BooleanSupplier ready) {
        new WebDriverWait(driver, timeout, Duration.ofSeconds(2)).until(d -> {
            try {
                if (ready.getAsBoolean()) {
                    return true;
                }
            } catch (org.openqa.selenium.NoSuchElementException notYet) {
                // not on the page yet: read it again
            }
            d.navigate().refresh();
            return false;
        });
    }

    /** The button (or submit input) whose accessible text is {@code text}, inside {@code scope}. */
    static WebElement button(org.openqa.selenium.SearchContext scope, String text) {
        return scope.findElements(By.tagName("button")).stream().filter(b -> b.getText().trim().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no button \"" + text + "\""));
    }

    /** Presses keys (or types text) on whatever has focus, as a person at the keyboard does. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** What has the keyboard's focus now. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Waits (up to 20 s) for {@code element} to have focus, as GOV.UK Frontend's script gives it once the page
     * has loaded, and returns what has focus then (which the caller asserts).
     */
    WebElement awaitFocus(WebElement element) {
        waitUpTo20s(d -> element.equals(focused()));
        return focused();
    }

    /**
     * Presses Tab, as a person moving through the page does, until {@code wanted} has focus (200 presses
     * at most: more than any page here has stops), and gives it.
     */
    WebElement tabTo(String what, java.util.function.Predicate<WebElement> wanted) {
        for (int i = 0; i < 200; i++) {
            press(Keys.TAB);
            WebElement now = focused();
            if (wanted.test(now)) {
                return now;
            }
        }
        throw new AssertionError("Tab never reached " + what);
    }

    /** The texts of the navigation links the page shows. */
    List<String> navigation() {
        return all(By.cssSelector("nav .govuk-service-navigation__link")).stream().map(e -> e.getText().trim()).toList();
    }

    /**
     * The checks every page gets: no error in the browser's console since the last look, no serious or
     * critical accessibility violation, and its screenshot ({@code NN-name.png}).
     */
    void look(String name) throws IOException {
        Path png = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        assertThat(consoleErrors()).as("browser console errors on %s (%s)", name, path()).isEmpty();
        assertThat(accessibilityViolations()).as("serious or critical axe-core violations on %s (%s)", name, path()).isEmpty();
    }

    /** The browser console's SEVERE entries (script errors, failed loads, CSP refusals) since last asked. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** axe-core's serious and critical violations of this page: "rule: help (n nodes)". */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '
                           + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')')))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        return result instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(result));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
