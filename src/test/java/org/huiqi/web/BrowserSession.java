package org.huiqi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real headless Chromium — Debian's {@code /usr/bin/chromium}, never a browser Playwright
 * downloads — with every request to a host other than the service recorded and blocked: the page
 * must work on an intranet with no internet access.
 */
final class BrowserSession implements AutoCloseable {
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final String base;
    private BrowserContext context;
    /** Requests the page made to anything but the service; they were aborted. */
    final List<String> outside = new CopyOnWriteArrayList<>();
    /** Every request the page made. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    BrowserSession(URL service) {
        Path chromium = Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException(chromium + " is missing: the browser tests use Debian's chromium "
                    + "(apt-get install chromium; .ci/run installs it)");
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--disable-default-apps", "--disable-extensions")));
        String root = service.toString();
        base = root.endsWith("/") ? root : root + "/";
    }

    /** A fresh browser profile (empty localStorage), Chinese locale, desktop size. */
    Page newPage() {
        return newPage(1280, 900);
    }

    Page newPage(int width, int height) {
        if (context != null) context.close();
        context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                .setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        context.route("**/*", route -> {
            String url = route.request().url();
            requests.add(route.request().method() + " " + url);
            if (url.startsWith(base)) {
                route.resume();
            } else {
                outside.add(url);
                route.abort("blockedbyclient");
            }
        });
        Page page = context.newPage();
        page.onDialog(dialog -> dialog.accept());
        page.onPageError(error -> System.out.println("[page error] " + error));
        return page;
    }

    String url(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** What a person sees with {@code element} scrolled to the top of the window. */
    void screenshotAt(Page page, String selector, String name) {
        page.evaluate("s => document.querySelector(s).scrollIntoView(true)", selector);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    /** Only the results section: readable at full size. */
    void screenshotOf(com.microsoft.playwright.Locator element, String name) {
        element.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    void assertNoOutsideRequests() {
        assertThat(outside).as("requests to hosts other than the service").isEmpty();
    }

    @Override
    public void close() {
        if (context != null) context.close();
        browser.close();
        playwright.close();
    }
}
