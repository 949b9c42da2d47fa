package id.go.kecamatan.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Sizes;
import id.go.kecamatan.WebClient;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey needs: Debian's Chromium driven by Playwright (one browser per test
 * class), a fresh phone-sized browser context per test, an accessibility scan and a page-weight
 * budget. Subclasses carry {@code @IntegrationTest}, so the whole application runs on a random
 * port.
 */
abstract class BrowserJourney {

  /** The smallest phone the site is designed for. */
  static final int PHONE_WIDTH = 360;

  static final int PHONE_HEIGHT = 740;

  /** The budget for one page with everything it loads, compressed, for slow village connections. */
  static final int PAGE_WEIGHT_BUDGET = 50 * 1024;

  /**
   * Whether {@link #axeScan} runs axe: {@code -Dlayanan.test.axe=false} leaves it out of the second
   * pass on PostgreSQL 15 (pom.xml, profile pg15), whose pages are the markup the first pass scans.
   */
  static final boolean AXE = !"false".equals(System.getProperty("layanan.test.axe"));

  static final List<String> WCAG_22_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  /** Every page a resident can open, in Bahasa Indonesia and then two in English. */
  static final List<String> PUBLIC_PAGES =
      List.of(
          "/",
          "/kabupaten/35.16",
          "/kecamatan/jetis",
          "/kecamatan/jetis?q=waris",
          "/kecamatan/jetis/layanan/SKW",
          "/kecamatan/jetis/layanan/SKW/daftar-persyaratan",
          "/kecamatan/jetis/layanan/DOMISILI/ajukan",
          "/lanjutkan",
          "/masuk",
          "/masuk?gagal",
          "/demo/kode-masuk",
          "/v",
          "/privasi",
          "/aksesibilitas",
          "/kecamatan/jetis/pengumuman",
          "/kecamatan/jetis/tanya-jawab",
          "/kecamatan/jetis/tanya-jawab?q=biaya",
          "/kecamatan/jetis/layanan/SKW/panduan",
          "/panduan/cara-mengajukan",
          "/kios",
          "/kecamatan/tidak-ada",
          "/kecamatan/jetis?lang=en",
          "/kecamatan/jetis/layanan/SKW?lang=en");

  /**
   * The pages scanned again at a computer's width: one of each layout (the pages share their
   * templates and the width changes only the CSS media queries), so each wide layout is checked
   * without scanning every page twice.
   */
  static final List<String> DESKTOP_PAGES =
      List.of(
          "/",
          "/kecamatan/jetis",
          "/kecamatan/jetis/layanan/SKW",
          "/kecamatan/jetis/layanan/DOMISILI/ajukan",
          "/masuk",
          "/kecamatan/jetis/tanya-jawab?q=biaya",
          "/kecamatan/jetis/layanan/SKW/panduan",
          "/panduan/cara-mengajukan",
          "/kios",
          "/kecamatan/jetis?lang=en");

  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort int port;

  BrowserContext context;
  Page page;

  @BeforeAll
  static void launchBrowser() {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void openPhone() {
    context = newPhoneContext();
    page = context.newPage();
  }

  @AfterEach
  void closePhone() {
    if (context != null) {
      context.close();
    }
  }

  /** A new visitor with no cookies and an empty cache, on a 360 px wide phone. */
  BrowserContext newPhoneContext() {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setBaseURL(baseUrl())
            .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
            // one device pixel per CSS pixel: the layout and every check are in CSS pixels, and
            // rendering at 2x cost the suite's Chromium more processor (docs/performance.md)
            .setDeviceScaleFactor(1)
            .setIsMobile(true)
            .setHasTouch(true)
            .setLocale("id-ID"));
  }

  /** A new visitor on a 360 px phone with JavaScript switched off. */
  BrowserContext newPhoneContextWithoutJavaScript() {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setBaseURL(baseUrl())
            .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
            .setJavaScriptEnabled(false)
            .setLocale("id-ID"));
  }

  /** A new visitor with these options, on this server. */
  BrowserContext newContext(Browser.NewContextOptions options) {
    return browser.newContext(options.setBaseURL(baseUrl()));
  }

  /** A new visitor on a desktop screen. */
  BrowserContext newDesktopContext() {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setBaseURL(baseUrl())
            .setViewportSize(1280, 900)
            .setLocale("id-ID"));
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  /**
   * Fails with the rule, its impact and the offending elements when axe finds a WCAG 2.2 AA
   * violation.
   */
  static void axeScan(Page page) {
    if (!AXE) {
      return;
    }
    // violations in full; passes and the rest with one node each (axe's resultTypes): the checks
    // are the same, the result handed from the browser to the test is a fraction of the size
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of("violations"));
    // legacy mode runs axe in the page itself; the default (axe's runPartial per frame) opens a new
    // browser context for every scan to combine the frames' results, half of a scan's time, for
    // pages that have no frames
    AxeResults results =
        new AxeBuilder(page).setLegacyMode(true).options(options).withTags(WCAG_22_AA).analyze();
    assertThat(results.isErrored())
        .as("axe failed on %s: %s", page.url(), results.getErrorMessage())
        .isFalse();
    assertThat(results.getPasses()).as("axe checked nothing on %s", page.url()).isNotEmpty();
    List<Rule> violations = results.getViolations();
    assertThat(violations)
        .as(() -> "Accessibility violations on " + page.url() + ":\n" + describe(violations))
        .isEmpty();
  }

  private static String describe(List<Rule> violations) {
    StringBuilder text = new StringBuilder();
    for (Rule rule : violations) {
      text.append("- ")
          .append(rule.getId())
          .append(" [")
          .append(rule.getImpact())
          .append("] ")
          .append(rule.getHelp())
          .append(" (")
          .append(rule.getHelpUrl())
          .append(")\n");
      for (CheckedNode node : rule.getNodes()) {
        text.append("    at ")
            .append(node.getTarget())
            .append(": ")
            .append(String.valueOf(node.getFailureSummary()).replace("\n", " "))
            .append('\n');
      }
    }
    return text.toString();
  }

  /**
   * Opens the address with an empty cache and adds up the bytes on the wire (headers and the
   * compressed bodies) of the document and everything it loads; asserts the budget and returns the
   * total.
   */
  static long pageWeight(Page page, String url) {
    CDPSession devtools = page.context().newCDPSession(page);
    JsonObject noCache = new JsonObject();
    noCache.addProperty("cacheDisabled", true);
    devtools.send("Network.enable");
    devtools.send("Network.setCacheDisabled", noCache);
    List<Request> requests = new ArrayList<>();
    Consumer<Request> collect = requests::add;
    page.onRequestFinished(collect);
    try {
      Response document = page.navigate(url);
      page.waitForLoadState(LoadState.NETWORKIDLE);
      assertThat(document.status()).as("status of %s", url).isLessThan(500);
      assertThat(document.request().headerValue("accept-encoding")).contains("gzip");
      assertThat(document.headerValue("content-encoding"))
          .as("the document of %s is sent compressed", url)
          .isEqualTo("gzip");
      long total = 0;
      List<String> parts = new ArrayList<>();
      for (Request request : requests) {
        Sizes sizes = request.sizes();
        long bytes = sizes.responseHeadersSize + Math.max(0, sizes.responseBodySize);
        total += bytes;
        parts.add(pathOf(request.url()) + " " + bytes);
      }
      System.out.printf(
          "PAGE WEIGHT %-52s %6d bytes (%s)%n",
          url, total, parts.stream().collect(Collectors.joining(", ")));
      assertThat(total)
          .as("bytes transferred for %s: %s", url, parts)
          .isPositive()
          .isLessThanOrEqualTo(PAGE_WEIGHT_BUDGET);
      return total;
    } finally {
      page.offRequestFinished(collect);
      devtools.detach();
    }
  }

  private static String pathOf(String url) {
    return url.replaceFirst("^https?://[^/]+", "");
  }

  /** How wide the page is laid out; wider than the viewport means scrolling sideways. */
  /** The day, month and year fields of a date people know by heart, under its legend. */
  static Locator dateGroup(Page page, String legend) {
    return page.getByRole(
        AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
  }

  static void fillDate(Page page, String legend, String day, String month, String year) {
    Locator group = dateGroup(page, legend);
    group.getByLabel("Tanggal", exact()).fill(day);
    group.getByLabel("Bulan", exact()).fill(month);
    group.getByLabel("Tahun", exact()).fill(year);
  }

  static Locator.GetByLabelOptions exact() {
    return new Locator.GetByLabelOptions().setExact(true);
  }

  static int scrollWidth(Page page) {
    return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
  }

  /** The demo data's password of every staff account. */
  static final String PASSWORD = WebClient.PASSWORD;

  /**
   * How long a sign-in may take to reach the dashboard: the password's check and the dashboard's
   * first page, on a 2-core machine running two test JVMs and their browsers side by side, once
   * took longer than Playwright's default of 5 s.
   */
  private static final double SIGN_IN_MS = 15_000;

  /** Signs a demo staff member in through the sign-in page; they land on the dashboard. */
  static void signIn(Page page, String username) {
    signIn(page, username, PASSWORD);
  }

  /**
   * Signs a staff member in through the sign-in page and waits for the dashboard; when it does not
   * come, the failure says where the browser is and what the page says.
   */
  static void signIn(Page page, String username, String password) {
    page.navigate("/masuk");
    page.getByLabel("Nama pengguna").fill(username);
    page.getByLabel("Kata sandi").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk")).click();
    try {
      PlaywrightAssertions.assertThat(page)
          .hasURL(
              Pattern.compile("/admin$"),
              new PageAssertions.HasURLOptions().setTimeout(SIGN_IN_MS));
    } catch (AssertionError e) {
      String says;
      try {
        says = page.locator("body").innerText().strip().replaceAll("\\s+", " ");
      } catch (RuntimeException unreadable) {
        says = "(unreadable: " + unreadable.getMessage() + ")";
      }
      throw new AssertionError(
          username
              + " was not signed in: the browser is at "
              + page.url()
              + ", which says: "
              + says.substring(0, Math.min(says.length(), 400)),
          e);
    }
  }
}
