package dev.leverage.routes.server;

import dev.leverage.routes.CaseService;
import dev.leverage.routes.CaseStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web page in headless Chromium against a real server over the demo case: sign-in, search to page view with the
 * searched words marked, a finding's citation to the cited page, an upload followed through its ingest to a search
 * hit, and hostile document text that stays text. Uses Debian's /usr/bin/chromium and /usr/bin/chromedriver
 * explicitly, so Selenium Manager never runs and nothing is downloaded; without them every test fails, saying so.
 * A screenshot of each test's last state goes to target/screenshots/NAME.png.
 */
class WebPageBrowserTest {
    static final Path ROOT = Path.of(System.getProperty("leverage.root", "..")).toAbsolutePath().normalize();
    static final Path DEMO = ROOT.resolve("examples/cases/25-003117");
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String CASE = "demo";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration INGEST_WAIT = Duration.ofSeconds(180);

    @TempDir
    static Path data;
    @TempDir
    static Path files;
    @TempDir
    static Path downloads;

    static LeverageServer server;
    static String token;
    static String base;
    static WebDriver driver;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        // first the browser, so that a machine without it fails at once with the reason
        assertTrue(CHROMIUM.canExecute(), "Chromium is not installed at " + CHROMIUM + "; install it (Debian: apt-get install chromium chromium-driver). "
                + "The browser tests need it and do not download a browser.");
        assertTrue(CHROMEDRIVER.canExecute(), "ChromeDriver is not installed at " + CHROMEDRIVER + "; install it (Debian: apt-get install chromium-driver). "
                + "The browser tests need it and do not download a driver.");
        assertTrue(Files.isDirectory(DEMO), "The demo case is missing at " + DEMO + " (set -Dleverage.root to the project folder)");

        CaseStore store = new CaseStore(data);
        new CaseService(store).ingest(DEMO, CASE, true);
        Access access = Access.open(store);
        token = access.addUser("ann", true);
        access.grant(CASE, "ann");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = LeverageServer.start(store, "127.0.0.1", port, 100L << 20);
        base = server.url();

        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // a downloaded original lands in a temporary folder, not in the home folder
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (driver != null) driver.quit();
        } finally {
            if (server != null) server.close();
        }
    }

    @BeforeEach
    void freshTab() {
        // each test starts signed out, on an empty page of the site
        driver.get(base);
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.manage().logs().get(LogType.BROWSER); // drop what came before
    }

    @AfterEach
    void screenshotAndConsole(TestInfo info) throws Exception {
        String name = info.getTestMethod().map(m -> m.getName()).orElse("test");
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        // the page broke no rule of the Content-Security-Policy and threw nothing
        List<String> bad = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            String m = e.getMessage();
            if (m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("SyntaxError")) bad.add(m);
        }
        assertTrue(bad.isEmpty(), "The browser console reports: " + bad);
    }

    // ---- the four journeys ----

    /** (a) Sign in, search "dog sniff", open a hit: the page view shows that document and page with the words marked. */
    @Test
    void searchAndOpenAHit() {
        signIn();
        openCase();
        search("dog sniff");
        List<WebElement> hits = waitFor(By.cssSelector("#results .hit"), 1);
        assertFalse(hits.get(0).findElements(By.cssSelector(".snippet mark")).isEmpty(), "the snippet marks the matched words");
        WebElement hit = hits.get(0);
        String document = hit.getAttribute("data-document");
        String page = hit.getAttribute("data-page");
        String bates = text(hit, ".bates");
        assertTrue(text(hit, ".type").length() > 0 && text(hit, ".date").length() > 0, "each hit shows its type and date");
        hit.findElement(By.cssSelector("a.open")).click();

        WebElement pageText = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("page-text")));
        assertEquals(document, driver.findElement(By.id("page-document")).getText());
        assertEquals(page, pageText.getAttribute("data-page"));
        assertTrue(driver.findElement(By.id("page-number")).getText().startsWith("Page " + page), driver.findElement(By.id("page-number")).getText());
        if (!bates.isEmpty()) assertEquals(bates, driver.findElement(By.id("page-bates")).getText());
        List<WebElement> marks = pageText.findElements(By.tagName("mark"));
        assertFalse(marks.isEmpty(), "the searched words are marked on the page");
        String marked = marks.stream().map(WebElement::getText).reduce("", (a, b) -> a + " " + b).toLowerCase();
        assertTrue(marked.contains("sniff") || marked.contains("k9") || marked.contains("dog"), marked);
    }

    /** (b) The case overview: click a finding's citation; the page view shows the cited page with the quote marked. */
    @Test
    void overviewCitationOpensTheCitedPage() {
        signIn();
        driver.get(base + "#/c/" + CASE + "/overview");
        List<WebElement> findings = waitFor(By.cssSelector(".finding"), 1);
        assertTrue(findings.size() >= 6, "the demo case's six findings: " + findings.size());
        assertFalse(driver.findElements(By.cssSelector(".severity-group[data-severity='high'] .finding")).isEmpty(), "findings are grouped by severity");
        // the rest of the overview is there: timeline drawn and tabled, chains with their breaks, the cast, the quarantine
        assertTrue(driver.findElements(By.cssSelector("#timeline-svg g.row")).size() >= 20, "the drawn timeline has a row per event");
        assertFalse(driver.findElements(By.cssSelector("#timeline-svg g.row.flagged")).isEmpty(), "conflicting events are marked in the drawing");
        assertFalse(driver.findElements(By.cssSelector("#timeline-table tr.flagged")).isEmpty(), "and in the table");
        assertFalse(driver.findElements(By.cssSelector("#custody .custody-link.break")).isEmpty(), "custody breaks are marked");
        assertTrue(driver.findElement(By.id("quarantined")).getText().contains("12_Property_Photos_Index.pdf"), "quarantined files are listed with their reason");
        assertTrue(driver.findElement(By.id("people-table")).getText().contains("Morgan Keel"));

        // the K9-arrival finding cites three documents; take its second citation (not the first hit of anything)
        WebElement link = driver.findElement(By.cssSelector(".finding[data-kind='conflicting_times'] .citation a"));
        List<WebElement> links = driver.findElements(By.cssSelector(".finding[data-kind='conflicting_times'] .citation a"));
        if (links.size() > 1) link = links.get(1);
        String document = link.getAttribute("data-document");
        String page = link.getAttribute("data-page");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", link);
        link.click();

        WebElement pageText = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("page-text")));
        assertEquals(document, driver.findElement(By.id("page-document")).getText());
        assertEquals(page, pageText.getAttribute("data-page"));
        List<WebElement> quote = pageText.findElements(By.cssSelector("mark.quote"));
        assertEquals(1, quote.size(), "the cited quote is marked on the page");
        String cited = driver.findElement(By.cssSelector("#cited blockquote")).getText();
        String first = cited.replace("“", "").replace("”", "").split("\\s+")[0];
        assertTrue(quote.get(0).getText().startsWith(first), quote.get(0).getText() + " / " + cited);
    }

    /** (c) Upload a text file with a unique word, follow the ingest in the page to the end, find the file by that word. */
    @Test
    void uploadThenSearchTheNewFile() throws Exception {
        String word = "zyqorvex" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Path file = files.resolve("memo-" + word + ".txt");
        Files.writeString(file, "Supplemental memo.\nThe informant code word was " + word + " on 03/16/2025.\n", StandardCharsets.UTF_8);
        Path second = files.resolve("second-" + word + ".txt");
        Files.writeString(second, "A second note, uploaded together with the memo: " + word + "second.\n", StandardCharsets.UTF_8);
        signIn();
        upload(file, second);
        WebElement progress = driver.findElement(By.id("progress"));
        assertEquals(progress.getAttribute("max"), progress.getAttribute("value"), "the progress bar is full when the ingest is done");
        assertTrue(driver.findElement(By.id("ingest-summary")).getText().contains("2 indexed"), "both files chosen together are indexed: "
                + driver.findElement(By.id("ingest-summary")).getText());

        driver.findElement(By.id("search-new")).click();
        search(word);
        WebElement hit = waitFor(By.cssSelector("#results .hit"), 1).get(0);
        assertEquals(file.getFileName().toString(), hit.getAttribute("data-document"));
        assertEquals(word, hit.findElement(By.cssSelector(".snippet mark")).getText());
        search(word + "second");
        assertEquals(second.getFileName().toString(), waitFor(By.cssSelector("#results .hit"), 1).get(0).getAttribute("data-document"));
        search(word);
        hit = waitFor(By.cssSelector("#results .hit"), 1).get(0);

        // its page, and its original fetched with the token and saved through a blob URL
        hit.findElement(By.cssSelector("a.open")).click();
        WebElement pageText = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("page-text")));
        assertEquals(word, pageText.findElement(By.tagName("mark")).getText());
        driver.findElement(By.id("open-original")).click();
        WebElement link = wait(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("original-link")));
        assertTrue(link.getAttribute("href").startsWith("blob:"), link.getAttribute("href"));
        Path saved = downloads.resolve(file.getFileName());
        new WebDriverWait(driver, WAIT).until(d -> Files.isRegularFile(saved) && sameBytes(saved, file));
    }

    static boolean sameBytes(Path a, Path b) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** (d) A document full of markup is uploaded and searched: it shows as text, nothing is injected, no alert opens. */
    @Test
    void hostileDocumentTextStaysText() throws Exception {
        String word = "hostilemarker" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String payload = "<img src=x onerror=alert(1)> <img src=y onerror=\"window.__pwned=1\"> <script>alert(2)</script> <b id=\"injected\">bold</b> "
                + "<a href=\"javascript:alert(3)\">click</a> <svg onload=alert(4)></svg> «fake» " + word;
        Path file = files.resolve("hostile-" + word + ".txt");
        Files.writeString(file, "Note.\n" + payload + "\n", StandardCharsets.UTF_8);
        signIn();
        upload(file);

        driver.findElement(By.id("search-new")).click();
        search(word);
        WebElement hit = waitFor(By.cssSelector("#results .hit"), 1).get(0);
        assertNoAlert();
        assertTrue(driver.findElements(By.cssSelector("#results img")).isEmpty(), "no <img> was injected");
        assertTrue(driver.findElements(By.cssSelector("#results script, #results svg, #results b, #injected")).isEmpty(), "no element was injected");
        assertTrue(driver.findElements(By.cssSelector("#results a[href^='javascript']")).isEmpty(), "no script link was injected");
        String snippet = text(hit, ".snippet");
        assertTrue(snippet.contains("<img src=x onerror=alert(1)>"), "the markup shows as text: " + snippet);

        hit.findElement(By.cssSelector("a.open")).click();
        WebElement pageText = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("page-text")));
        assertNoAlert();
        assertTrue(pageText.getText().contains("<script>alert(2)</script>"), pageText.getText());
        assertTrue(driver.findElements(By.cssSelector("#page-text img, #page-text script, #page-text b, #page-text svg, #injected")).isEmpty(), "no element was injected into the page text");
        assertEquals(Boolean.FALSE, ((JavascriptExecutor) driver).executeScript("return !!window.__pwned"), "no script ran");
    }

    // ---- more of the page ----

    /** A wrong token is refused at sign-in with the API's sentence; sign-out returns to the sign-in form. */
    @Test
    void signInRefusesABadTokenAndSignOutWorks() {
        driver.get(base + "#/signin");
        WebElement input = wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("token")));
        input.sendKeys("lev_not-a-real-token");
        driver.findElement(By.id("signin")).click();
        wait(WAIT).until(ExpectedConditions.textMatches(By.id("signin-error"), java.util.regex.Pattern.compile("not valid")));
        signIn();
        assertTrue(driver.findElement(By.id("whoami")).getText().contains("ann"));
        driver.findElement(By.id("signout")).click();
        wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertEquals(null, ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('leverage-token')"));
        // a route that needs the API goes back to sign-in
        driver.get(base + "#/c/" + CASE + "/overview");
        wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    }

    /** Facets add a filter, paging moves on, a bare Bates number opens its page, a syntax error shows the API's sentence. */
    @Test
    void facetsPagingBatesJumpAndSyntaxError() {
        signIn();
        openCase();
        search("Keel");
        waitFor(By.cssSelector("#results .hit"), 1);
        WebElement facet = driver.findElement(By.cssSelector("#facets .facet-value[data-facet='type']"));
        String type = facet.getAttribute("data-value");
        facet.click();
        wait(WAIT).until(d -> d.findElement(By.id("query")).getAttribute("value").contains("type:" + type));
        for (WebElement hit : waitFor(By.cssSelector("#results .hit"), 1)) assertEquals(type, text(hit, ".type"));

        // ten hits a page, so that the demo case's pages of "the" take two
        search("the");
        waitFor(By.cssSelector("#results .hit"), 1);
        new Select(driver.findElement(By.id("limit"))).selectByValue("10");
        wait(WAIT).until(ExpectedConditions.textMatches(By.id("result-count"), java.util.regex.Pattern.compile("^Pages 1–10 of")));
        int all = Integer.parseInt(driver.findElement(By.id("results")).getAttribute("data-total"));
        assertTrue(all > 10, "enough hits for a second page: " + all);
        assertFalse(driver.findElement(By.id("prev")).isEnabled(), "no page before the first");
        String first = firstHit();
        driver.findElement(By.id("next")).click();
        wait(WAIT).until(ExpectedConditions.textMatches(By.id("result-count"), java.util.regex.Pattern.compile("^Pages 11–" + Math.min(all, 20) + " of " + all)));
        assertTrue(driver.findElement(By.id("prev")).isEnabled());
        assertFalse(first.equals(firstHit()), "the next page shows other hits");
        driver.findElement(By.id("prev")).click();
        wait(WAIT).until(ExpectedConditions.textMatches(By.id("result-count"), java.util.regex.Pattern.compile("^Pages 1–10 of")));
        assertEquals(first, firstHit());

        search("ARV-000004");
        WebElement pageText = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("page-text")));
        assertNotNull(pageText);
        assertEquals("ARV-000004", driver.findElement(By.id("page-bates")).getText());

        driver.get(base + "#/c/" + CASE + "/search");
        search("\"dog sniff");
        WebElement error = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("search-error")));
        assertTrue(error.getText().contains("quote"), error.getText());
    }

    /** From the cast to the witness page: person, mentions that open their page, statements and events. */
    @Test
    void witnessPageFromTheCast() {
        signIn();
        driver.get(base + "#/c/" + CASE + "/overview");
        WebElement person = wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.xpath("//table[@id='people-table']//a[text()='Morgan Keel']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", person);
        person.click();
        WebElement name = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".person-view .person-name")));
        assertTrue(name.getText().contains("Morgan Keel"), name.getText());
        assertEquals(1, driver.findElements(By.cssSelector(".person-view")).size(), "the person picked, not everyone called Keel");
        assertTrue(driver.findElement(By.cssSelector(".person-view .badge-number")).getText().contains("2217"));
        assertTrue(driver.findElement(By.cssSelector(".person-view .roles")).getText().contains("k9 handler"));
        assertFalse(driver.findElements(By.cssSelector(".person-view tr.statement")).isEmpty(), "statements");
        assertFalse(driver.findElements(By.cssSelector(".person-view tr.event")).isEmpty(), "events");
        WebElement mention = driver.findElements(By.cssSelector(".person-view tr.mention a.open")).get(0);
        String document = mention.getAttribute("href");
        mention.click();
        WebElement pageText = wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("page-text")));
        assertFalse(pageText.findElements(By.cssSelector("mark.quote")).isEmpty(), "the mention's quote is marked: " + document);
    }

    // ---- helpers ----

    static WebDriverWait wait(Duration d) {
        return new WebDriverWait(driver, d);
    }

    static String text(WebElement in, String css) {
        List<WebElement> e = in.findElements(By.cssSelector(css));
        return e.isEmpty() ? "" : e.get(0).getText();
    }

    /** Waits until at least {@code n} elements match and returns them. */
    static List<WebElement> waitFor(By by, int n) {
        return wait(WAIT).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.size() >= n ? found : null;
        });
    }

    static String firstHit() {
        WebElement hit = driver.findElement(By.cssSelector("#results .hit"));
        return hit.getAttribute("data-document") + "#" + hit.getAttribute("data-page");
    }

    static void signIn() {
        driver.get(base + "#/signin");
        WebElement input = wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("token")));
        input.clear();
        input.sendKeys(token);
        driver.findElement(By.id("signin")).click();
        wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("cases")));
        assertFalse(driver.findElement(By.id("account")).getAttribute("hidden") != null, "signed in: the account bar shows");
    }

    static void openCase() {
        driver.findElement(By.cssSelector("#cases li[data-case='" + CASE + "'] a.open-case")).click();
        wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("query")));
    }

    /** Types a query and submits it; waits until the page has answered it (hits, a page, or an error). */
    static void search(String q) {
        WebElement box = wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("query")));
        box.clear();
        box.sendKeys(q);
        WebElement before = driver.findElement(By.cssSelector("#app > *"));
        driver.findElement(By.id("search")).click();
        // the view is rebuilt for every search: wait for the old one to go, then for the answer
        wait(WAIT).until(ExpectedConditions.stalenessOf(before));
        wait(WAIT).until(d -> !d.findElements(By.cssSelector("#result-count, #search-error, #page-text")).isEmpty());
    }

    /** Chooses the files in the page, uploads them and waits until the page reports the ingest done. */
    static void upload(Path... chosen) {
        driver.get(base + "#/c/" + CASE + "/upload");
        WebElement input = wait(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("upload-input")));
        input.sendKeys(String.join("\n", java.util.Arrays.stream(chosen).map(f -> f.toAbsolutePath().toString()).toList()));
        driver.findElement(By.id("upload-button")).click();
        for (Path f : chosen) wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-files"), f.getFileName().toString()));
        new WebDriverWait(driver, INGEST_WAIT).until(d -> {
            String state = d.findElement(By.id("ingest-state")).getAttribute("data-state");
            if ("failed".equals(state)) fail("The ingest failed: " + d.findElement(By.id("upload-error")).getText() + " " + d.findElement(By.id("ingest-summary")).getText());
            return "done".equals(state);
        });
    }

    static void assertNoAlert() {
        try {
            driver.switchTo().alert();
            fail("An alert opened: document text ran as script");
        } catch (NoAlertPresentException expected) {
            // good
        }
    }
}
