package org.huiqi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A Wuzhou recycler's finance manager checks on 2026-12-04, 27 days before the park measure ends:
 * the results say what the enterprise can claim and roughly for how much, how and where to claim it,
 * what is only its status, and print as a record of what was answered.
 */
@QuarkusTest
class WebActionableResultsTest extends BrowserTest {
    /** Code words a Chinese reader must never meet: measure ids, enum values, field names, booleans, English tallies. */
    private static final Pattern CODE = Pattern.compile(
            "[A-Z]{2}-[A-Z0-9-]{3,}|\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[a-z]+[A-Z][A-Za-z]*\\b|\\btrue\\b|\\bfalse\\b|of \\d+ met|\\b\\d,\\d{3}年|\\b[12],\\d{3}\\b(?!\\s*万)");

    private FormPage recycler(Page page) {
        FormPage form = new FormPage(page).open(browser);
        form.evaluationDate("2026-12-04")
                .fill("name", "梧州市某再生金属有限公司")
                .region("450000", "450400");
        page.check("#park-wuzhou-circular-economy-park");
        form.industry("4210", "C4210")
                .select("sme", "true")
                .fill("employees", "180")
                .fill("firstAboveScaleYear", "2019")
                .fill("financials.2025.operatingRevenue", "12000")
                .fill("financials.2025.mainBusinessRevenue", "11000")
                .fill("financials.2025.taxableProfit", "900")
                .fill("financials.2025.vatPaid", "360")
                .select("vatGeneralTaxpayer", "true")
                .select("recyclerFiled", "true")
                .select("rcuVatCategory", "RECYCLED_METAL")
                .fill("westernEncouragedRevenueSharePct", "80");
        form.select("certifications", "some");
        page.check("#cert-HIGH_TECH_ENTERPRISE");
        page.fill("#cert-HIGH_TECH_ENTERPRISE-on", "2023-10-01");
        return form.submit();
    }

    @Test
    void moneyFirstThenHowToClaimWithStatusesApartAndTheDeadlineSaid() {
        Page page = browser.newPage();
        FormPage form = recycler(page);

        Locator total = page.locator("#total");
        assertThat(total.innerText()).as("the total is given before the groups").contains("预计可享受").contains("万元");
        assertThat((Boolean) page.evaluate("() => !!(document.getElementById('total').compareDocumentPosition("
                + "document.getElementById('group-eligible')) & Node.DOCUMENT_POSITION_FOLLOWING)")).isTrue();

        Locator status = page.locator("#group-status");
        assertThat(status.innerText()).contains("您的企业情况");
        assertThat(status.locator("article[data-measure='CN-ABOVE-SCALE-THRESHOLD']").count()).isEqualTo(1);
        assertThat(page.locator("#group-eligible article[data-measure='CN-ABOVE-SCALE-THRESHOLD']").count())
                .as("a statistical threshold is not support to claim").isZero();
        assertThat(status.locator("li[data-title='HIGH_TECH_ENTERPRISE']").innerText()).as("a held title says it lapsed")
                .contains("高新技术企业").contains("2026-09-30").contains("失效");
        assertThat(page.locator("#group-near article[data-measure='WZ-XSG']").count())
                .as("a 2019 entrant can never be last year's entrant: no near miss").isZero();

        Locator park = page.locator("#group-eligible article[data-measure='GX-WZ-PARK']");
        assertThat(park.locator(".deadline").innerText()).contains("还剩 27 天");
        assertThat(park.locator(".how-to-claim .office").innerText()).isEqualTo("梧州循环经济产业园区管委会");
        Locator west = page.locator("#group-eligible article[data-measure='CN-EIT-WEST15']");
        assertThat(west.locator(".how-to-claim").innerText()).contains("纳税申报时自行享受").contains("主管税务机关");

        String text = page.locator("#results-body").innerText();
        String shown = text.substring(text.indexOf("预计可享受"));
        Matcher code = CODE.matcher(shown);
        assertThat(code.find() ? shown.substring(Math.max(0, code.start() - 60), code.end()) : null)
                .as("no code words in the Chinese results").isNull();
        browser.screenshot(page, "results-recycler-zh");
        browser.screenshotAt(page, "#results-body", "results-recycler-zh-top");
        browser.screenshotAt(page, "#group-status", "results-recycler-zh-status");

        page.click("#lang-switch");
        Locator parkEn = page.locator("#group-eligible article[data-measure='GX-WZ-PARK']");
        assertThat(parkEn.locator(".deadline").innerText()).contains("27 days left");
        assertThat(page.locator("#group-status h3").innerText()).isEqualTo("Your enterprise's status");
        assertThat(page.locator("#total-amount").innerText()).as("money as English reads it, in yuan")
                .matches("about CNY \\d{1,3}(,\\d{3})+").doesNotContain("万").doesNotContain("10k");
        browser.screenshotAt(page, "#results-body", "results-recycler-en-top");
        page.click("#lang-switch");
    }

    @Test
    void thePrintedRecordNamesTheEnterpriseAndTheAnswers() {
        Page page = browser.newPage(390, 844);
        recycler(page);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        page.evaluate("() => window.onbeforeprint()");
        assertThat(page.locator("#enterprise-name").innerText()).isEqualTo("梧州市某再生金属有限公司");
        Locator answers = page.locator("#answers");
        assertThat(answers.isVisible()).isTrue();
        assertThat(answers.locator("[data-answer='firstAboveScaleYear']").innerText()).isEqualTo("2019");
        assertThat(answers.locator("[data-answer='financials.2025.operatingRevenue']").innerText()).as("a figure with its unit")
                .isEqualTo("12,000 万元");
        assertThat(answers.locator("[data-answer='employees']").innerText()).isEqualTo("180 人");
        assertThat(answers.locator("[data-answer='vatGeneralTaxpayer']").innerText()).isEqualTo("是");
        assertThat(answers.locator("[data-answer='rcuVatCategory']").innerText()).isEqualTo("再生金属");
        assertThat(answers.locator("[data-answer='regionCode']").innerText()).isEqualTo("梧州市 450400");
        assertThat(answers.locator("[data-answer='certifications[0]']").innerText()).contains("2023-10-01");
        assertThat(page.locator("#evaluation-id").isVisible()).isTrue();
        assertThat(page.locator("#results .version").isVisible()).isTrue();
        browser.screenshotAt(page, "#results-body", "results-recycler-print-phone-top");
        browser.screenshotAt(page, "#answers", "results-recycler-print-phone-answers");
    }
}
