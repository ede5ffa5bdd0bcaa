package org.huiqi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The self-check form in a real headless Chromium against the running service. Every test also
 * checks that the page asked no host but the service for anything.
 */
@QuarkusTest
class WebFormTest extends BrowserTest {
    private Page page;
    private FormPage form;

    @BeforeEach
    void openPage() {
        page = browser.newPage();
        form = new FormPage(page);
    }

    @Test
    void wuzhouRecycledCopperEnterpriseSeesItsLocalMeasureWithCitationAndIssuer() {
        form.open(browser)
                .evaluationDate("2025-06-01")
                .fill("name", "梧州市某再生铜业有限公司")
                .region("450000", "450400");
        page.check("#park-wuzhou-circular-economy-park");
        form.industry("4210", "C4210")
                .select("sme", "true")
                .fill("employees", "180")
                .fill("financials.2024.operatingRevenue", "9000")
                .fill("financials.2024.mainBusinessRevenue", "8500")
                .fill("firstAboveScaleYear", "2024");
        assertThat(form.field("regionCode").inputValue()).isEqualTo("450400");
        assertThat(form.field("industryCode").inputValue()).isEqualTo("C4210");
        assertThat(page.isVisible("#body-recycling")).as("resource recycling questions shown for C42 in Guangxi").isTrue();
        browser.screenshot(page, "form-wuzhou-filled");

        form.submit();
        Locator xsg = form.result("WZ-XSG");
        assertThat(xsg.getAttribute("data-status")).isEqualTo("ELIGIBLE");
        assertThat(page.locator("#group-eligible article[data-measure='WZ-XSG']").count()).isEqualTo(1);
        assertThat(xsg.locator(".citation").innerText()).contains("梧州日报");
        assertThat(xsg.locator(".issuer").innerText()).isEqualTo("梧州市人民政府");
        // the municipal amount is not published: the page says so and marks it unconfirmed
        assertThat(xsg.innerText()).contains("金额由发文单位核定").contains("待确认");
        assertThat(page.locator("#evaluation-id").innerText()).matches("[0-9A-Z]{26}");
        assertThat(page.locator("#results .version").innerText()).startsWith("sha256:");
        assertThat(page.evaluate("() => { const d = document.getElementById('not-eligible'); return !d || !d.open; }"))
                .as("not eligible is collapsed").isEqualTo(true);
        browser.screenshot(page, "results-wuzhou");
        browser.screenshotOf(page.locator("#results"), "results-wuzhou-section");
    }

    @Test
    void emptyRdExpenseGivesANeedsInfoLinkThatFocusesTheRdInput() {
        form.open(browser)
                .evaluationDate("2025-06-01")
                .fill("yearsInNiche", "2")
                .fill("specializedScore", "60")
                .fill("financials.2024.operatingRevenue", "3000")
                .submit();

        Locator sme = page.locator("#group-needs article[data-measure='CN-MIIT-SPECIALIZED-SME']");
        assertThat(sme.count()).isEqualTo(1);
        Locator link = sme.locator("a[data-missing='financials.2024.rdExpense']");
        assertThat(link.innerText()).contains("2024").contains("研发费用");
        browser.screenshot(page, "results-needs-info");
        browser.screenshotOf(page.locator("#results"), "results-needs-info-section");

        // keyboard only: focus the link and press Enter
        link.focus();
        page.keyboard().press("Enter");
        assertThat(form.focusedPath()).isEqualTo("financials.2024.rdExpense");
        page.keyboard().type("120");
        assertThat(form.field("financials.2024.rdExpense").inputValue()).isEqualTo("120");
    }

    @Test
    void switchingToEnglishIsRememberedAndResultsFollow() {
        form.open(browser);
        assertThat(page.locator("h1").innerText()).isEqualTo("惠企政策自查");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("zh-CN");

        page.click("#lang-switch");
        assertThat(page.locator("h1").innerText()).isEqualTo("Business support self-check");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("en");
        assertThat(page.locator("label[for='f-yearsInNiche']").innerText()).isEqualTo("Years in its niche market");

        page.reload();
        form.waitForLists();
        assertThat(page.locator("h1").innerText()).isEqualTo("Business support self-check");
        form.evaluationDate("2025-06-01").fill("yearsInNiche", "2").submit();
        assertThat(page.locator("#results-h").innerText()).isEqualTo("Results");
        assertThat(form.result("CN-MIIT-SPECIALIZED-SME").locator("h4").innerText())
                .contains("Specialized and innovative SME recognition");
        browser.screenshot(page, "results-english");

        page.click("#lang-switch");
        assertThat(page.locator("h1").innerText()).isEqualTo("惠企政策自查");
    }

    @Test
    void aBadCreditCodeIsShownBesideThatField() {
        form.open(browser).fill("creditCode", "91450400MA5L00000E");
        page.click("#submit");
        page.waitForSelector(".field-error");

        Locator code = form.field("creditCode");
        assertThat(code.getAttribute("aria-invalid")).isEqualTo("true");
        String errorId = (String) page.evaluate("() => document.querySelector('[data-path=creditCode]').getAttribute('aria-describedby')"
                + ".split(' ').filter(id => id.indexOf('err-') === 0)[0]");
        Locator error = page.locator("#" + errorId);
        assertThat(error.innerText()).contains("统一社会信用代码无效");
        // beside the field: in the same form row, right under the input
        assertThat((Boolean) page.evaluate("() => document.getElementById('" + errorId + "').parentNode"
                + " === document.querySelector('[data-path=creditCode]').closest('.field')")).isTrue();
        assertThat(page.locator("#error-summary").innerText()).contains("统一社会信用代码");
        assertThat(page.isHidden("#results")).isTrue();
        browser.screenshot(page, "error-credit-code");

        // a corrected code clears the error on the next submit
        form.fill("creditCode", "91450400MA5L00000D").submit();
        assertThat(page.locator(".field-error").count()).isZero();
    }

    @Test
    void reloadingKeepsTheInputAndClearingForgetsIt() {
        form.open(browser)
                .evaluationDate("2025-06-01")
                .fill("name", "肇庆市某制造有限公司")
                .region("440000", "441200")
                .fill("financials.2024.rdExpense", "100")
                .select("sme", "false");
        page.click("#add-projects");
        form.fill("projects[0].totalInvestment", "30000");
        form.select("certifications", "some");
        page.check("#cert-SPECIALIZED_SME");
        page.fill("#cert-SPECIALIZED_SME-on", "2024-09-01");

        page.reload();
        form.waitForLists();
        assertThat(form.field("asOf").inputValue()).isEqualTo("2025-06-01");
        assertThat(form.field("name").inputValue()).isEqualTo("肇庆市某制造有限公司");
        assertThat(page.inputValue("#region-city")).isEqualTo("441200");
        assertThat(form.field("regionCode").inputValue()).isEqualTo("441200");
        assertThat(form.field("financials.2024.rdExpense").inputValue()).isEqualTo("100");
        assertThat(form.field("sme").inputValue()).isEqualTo("false");
        assertThat(form.field("projects[0].totalInvestment").inputValue()).isEqualTo("30000");
        assertThat(page.isChecked("#cert-SPECIALIZED_SME")).isTrue();
        assertThat(page.inputValue("#cert-SPECIALIZED_SME-on")).isEqualTo("2024-09-01");

        page.click("#clear");
        assertThat(form.field("name").inputValue()).isEmpty();
        page.reload();
        form.waitForLists();
        assertThat(form.field("name").inputValue()).isEmpty();
        assertThat(form.field("asOf").inputValue()).isEqualTo((String) page.evaluate(
                "() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')"
                        + " + '-' + String(d.getDate()).padStart(2, '0'); }"));
    }

    @Test
    void aFailedRequestSaysWhatWentWrongAndKeepsTheInput() {
        form.open(browser).fill("name", "某企业");
        // record that the page shows it is working while the request runs
        page.evaluate("() => { window.busySeen = false; new MutationObserver(() => {"
                + " if (document.getElementById('submit').disabled && document.getElementById('busy').textContent) window.busySeen = true;"
                + " }).observe(document.body, {subtree: true, childList: true, attributes: true}); }");
        page.route("**/api/v1/eligibility", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setStatus(503).setContentType("application/problem+json")
                .setBody("{\"type\":\"https://huiqi.org/problems/not-ready\",\"title\":\"No rule set\",\"status\":503,"
                        + "\"detail\":\"no rule set has been built yet\"}")));
        page.click("#submit");
        page.waitForSelector("#error-summary:not([hidden])");
        assertThat(page.locator("#error-summary").innerText()).contains("请求失败").contains("503").contains("no rule set has been built yet");
        assertThat(form.field("name").inputValue()).isEqualTo("某企业");
        assertThat(page.evaluate("() => window.busySeen")).isEqualTo(true);
        assertThat(page.isEnabled("#submit")).isTrue();
    }

    @Test
    void theFormIsLabelledAndUsableOnANarrowScreen() {
        page = browser.newPage(360, 740);
        form = new FormPage(page);
        form.open(browser);
        Object unlabelled = page.evaluate("() => Array.from(document.querySelectorAll('input, select'))"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))"
                + ".map(e => e.id || e.outerHTML)");
        assertThat((java.util.List<?>) unlabelled).as("inputs without a label").isEmpty();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on a 360 px screen").isLessThanOrEqualTo(0);
        assertThat(page.getAttribute("#results-announce", "aria-live")).isEqualTo("polite");
        assertThat(page.locator(".intro").innerText()).contains("留空表示“不知道”");
        assertThat(page.locator("#form-sections").innerText()).doesNotContain("undefined");
        browser.screenshot(page, "form-narrow");
    }

    /** The form is drawn from the field catalog: every field it describes has an input. */
    @Test
    void everyFieldOfTheCatalogCanBeAnsweredInTheFullForm() {
        form.open(browser);
        for (String list : new String[] {"awards", "quarterlyOutput", "projects"}) form.select(list, "some");
        @SuppressWarnings("unchecked")
        java.util.List<String> unanswerable = (java.util.List<String>) page.evaluate("async () => {"
                + " const catalog = await (await fetch('api/v1/reference/fields')).json();"
                + " const paths = new Set(Array.from(document.querySelectorAll('#profile-form [data-path]')).map(e => e.getAttribute('data-path')"
                + "   .replace(/\\[\\d+\\]/g, '[]').replace(/\\.(\\d{4})(?=\\.|$)/g, '.{year}')));"
                // recognitions are answered by a checkbox per type with its dates
                + " if (document.querySelector('#profile-form [data-cert]')) paths.add('certifications[].type');"
                + " if (document.querySelector('#profile-form [data-cert-on]')) paths.add('certifications[].recognizedOn');"
                + " if (document.querySelector('#profile-form [data-cert-until]')) paths.add('certifications[].validUntil');"
                + " return catalog.fields.map(f => f.path).filter(p => !paths.has(p)); }");
        assertThat(unanswerable).as("catalog fields without an input in the full form").isEmpty();
        assertThat(form.field("sellsCollectedRecycledResources").count()).isEqualTo(1);
        assertThat(form.field("projects[0].buildingType").locator("option").allInnerTexts()).contains("标准厂房");
    }
}
