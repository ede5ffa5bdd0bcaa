package org.huiqi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huiqi.api.access.ApiKeys;
import org.huiqi.impact.ImpactCommands;
import org.huiqi.impact.PopulationGenerator;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/** The impact report page and the staff page's impact view, in a real browser that may reach nothing outside. */
@QuarkusTest
@TestProfile(WebImpactTest.WithPopulation.class)
class WebImpactTest extends BrowserTest {
    static final String ADMIN_KEY = "web-impact-admin-key";
    static final Path POPULATIONS = populations();
    static final String TABLE = "guangdong/xsg-2025-amounts.table.csv";

    public static class WithPopulation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policy.impact.populations", POPULATIONS.toString(),
                    "policy.api-keys", "ops:" + ApiKeys.hashOf(ADMIN_KEY) + ":admin");
        }
    }

    @Test
    void theHtmlReportOpensOfflineWithItsCharts() throws Exception {
        Path draft = TempRules.copyOfProjectRules();
        TempRules.write(draft, TABLE, Files.readString(draft.resolve(TABLE)).replace("pearl-river-delta,5,", "pearl-river-delta,8,"));
        Path out = Files.createTempDirectory("impact-html-");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // every 20th line of the population: a quick run
        int code = ImpactCommands.run(new String[]{"impact", "--baseline", "rules", "--draft", draft.toString(),
                "--population", POPULATIONS.resolve("synthetic.ndjson").toString(), "--shard", "0/20", "--format", "html",
                "--out", out.resolve("report.html").toString(), "--as-of", "2025-06-01"},
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        // Its own browser whose "service" is nowhere: every request the page makes is outside, recorded and blocked.
        try (BrowserSession offline = new BrowserSession(new java.net.URL("http://service.invalid/"))) {
            Page page = offline.newPage();
            page.setContent(Files.readString(out.resolve("report.html")));
            assertThat(page.locator("h1").innerText()).contains("Policy impact");
            assertThat(page.locator("svg").count()).isEqualTo(2);
            assertThat(page.locator("svg").first().locator("rect").count()).as("two bars per measure").isEqualTo(2 * page.locator("svg").first().locator("text").count() / 3);
            assertThat(page.locator("body").innerText()).contains("GD-XSG-2025").contains("梧州市");
            offline.screenshot(page, "impact-report");
            assertThat(offline.requests).as("the page loads nothing").isEmpty();
        }
    }

    @Test
    void staffRunAnImpactFromTheStaffPage() throws IOException {
        Path draft = TempRules.copyOfProjectRules();
        TempRules.write(draft, TABLE, Files.readString(draft.resolve(TABLE)).replace("pearl-river-delta,5,", "pearl-river-delta,8,"));
        Path zip = Files.createTempDirectory("draft-").resolve("draft.zip");
        Files.write(zip, zipOf(draft));

        Page page = browser.newPage();
        page.navigate(browser.url("/staff"));
        page.fill("#impact-key", ADMIN_KEY);
        page.click("#impact-load");
        page.waitForSelector("#impact-population option", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.fill("#impact-date", "2025-06-01");
        page.setInputFiles("#impact-draft", zip);
        page.click("#impact-run");
        page.waitForSelector("#impact-measures tbody tr[data-measure='GD-XSG-2025']", new Page.WaitForSelectorOptions().setTimeout(120_000));
        assertThat(page.locator("#impact-status").innerText()).startsWith("完成 Done");
        assertThat(page.locator("#impact-chart-eligible svg rect").count()).isPositive();
        assertThat(page.locator("#impact-chart-budget svg rect").count()).isPositive();
        browser.screenshot(page, "staff-impact");
    }

    private static Path populations() {
        try {
            Path dir = Files.createTempDirectory("populations-");
            try (OutputStream out = Files.newOutputStream(dir.resolve("synthetic.ndjson"))) {
                PopulationGenerator.write(3, 0, 1000, out);
            }
            // the staff page's run uses a smaller one, so the test stays quick
            try (OutputStream out = Files.newOutputStream(dir.resolve("small.ndjson"))) {
                PopulationGenerator.write(3, 0, 40, out);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zipOf(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
