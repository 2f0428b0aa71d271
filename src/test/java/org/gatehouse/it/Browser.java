package org.gatehouse.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver) driven by Selenium. Each
 * instance has its own empty profile, so tests do not share cookies unless they share a Browser.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final Path profile;

    public Browser() {
        try {
            profile = Files.createTempDirectory("gatehouse-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-quic", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path on the server under test (or an absolute URL). */
    public Browser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : Http.base() + pathOrUrl);
        return this;
    }

    public WebElement find(By by) {
        return waiting(20).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public WebElement byId(String id) {
        return find(By.id(id));
    }

    public Browser type(String id, String text) {
        WebElement e = byId(id);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    /**
     * Clicks an element. A submit button (every {@code h:commandButton} renders one) posts its form
     * and the browser replaces the page: then this waits until the old page is gone and the new one
     * has loaded, so that nothing read afterwards comes from the page that was left.
     */
    public Browser click(String id) {
        WebElement element = waiting(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
        boolean submits = "submit".equalsIgnoreCase(element.getAttribute("type"));
        if (!submits) {
            element.click();
        } else {
            // A mark on the current window object: the document that replaces this one has a new
            // window object without it (element staleness is reported inconsistently by chromedriver).
            ((JavascriptExecutor) driver).executeScript("window.__gatehouseLeaving = true");
            // Pressed from the keyboard, as a keyboard user would: headless Chromium 150 now and then
            // drops a mouse click on a button that follows a checkbox (nothing is submitted at all).
            element.sendKeys(org.openqa.selenium.Keys.ENTER);
            waiting(30).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return window.__gatehouseLeaving === undefined && document.readyState === 'complete'")));
        }
        return this;
    }

    /** Ticks or unticks a checkbox with the keyboard (see {@link #click}) and waits until it changed. */
    public Browser toggle(String id) {
        WebElement box = waiting(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
        boolean before = box.isSelected();
        box.sendKeys(org.openqa.selenium.Keys.SPACE);
        waiting(10).until(d -> box.isSelected() != before);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** The text of the whole page, once it has loaded. */
    public String text() {
        loaded();
        return waiting(10).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText());
    }

    /** The text of an element, waiting for it to exist; a page or script replacing it meanwhile is retried. */
    public String textOf(String id) {
        return waiting(20).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.id(id)).isEmpty() ? null : d.findElement(By.id(id)).getText());
    }

    /**
     * Waits until the element's text contains {@code expected} and returns that text; fails with
     * the text last seen if it never does.
     */
    public String waitForText(String id, String expected) {
        String[] last = {null};
        try {
            return waiting(20).ignoring(StaleElementReferenceException.class).until(d -> {
                var found = d.findElements(By.id(id));
                last[0] = found.isEmpty() ? "(no element #" + id + ")" : found.get(0).getText();
                return last[0].contains(expected) ? last[0] : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#" + id + " never contained \"" + expected + "\"; last seen: " + last[0], e);
        }
    }

    /** Waits until the page's text contains {@code expected} and returns the page's text. */
    public String waitForPageText(String expected) {
        String[] last = {null};
        try {
            return waiting(20).ignoring(StaleElementReferenceException.class).until(d -> {
                last[0] = d.findElement(By.tagName("body")).getText();
                return last[0].contains(expected) ? last[0] : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the page never contained \"" + expected + "\"; last seen: " + last[0], e);
        }
    }

    /** Waits until the browser's URL starts with the given prefix and that page has loaded. */
    public Browser waitForUrl(String prefix) {
        waiting(30).until(d -> d.getCurrentUrl().startsWith(prefix));
        loaded();
        return this;
    }

    /** Waits until the current document has finished loading. */
    public Browser loaded() {
        waiting(30).ignoring(WebDriverException.class)
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    private WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Signs in on the login page the browser is on. */
    public Browser signIn(String username, String password) {
        type("username", username).type("password", password).click("signin");
        return this;
    }

    public Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
