package org.huiqi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An enterprise checking after the 2022 MIIT measures ended still sees them, apart, with the date
 * they ended and what replaced them; a "最高2%" award reads as a ceiling, never as the award.
 */
@QuarkusTest
class WebNotInForceAndCeilingTest extends BrowserTest {
    @Test
    void endedMeasuresAreShownApartAndCeilingsAsCeilings() {
        Page page = browser.newPage();
        FormPage form = new FormPage(page).open(browser);
        form.evaluationDate("2026-06-01")
                .fill("name", "肇庆市某制造有限公司")
                .region("440000", "441200");
        page.click("#add-projects");
        form.select("projects[0].kind", "MANUFACTURING");
        form.fill("projects[0].newFixedAssetInvestment", "12000");
        form.submit();

        Locator ended = page.locator("#group-not-in-force article[data-not-in-force='CN-MIIT-SPECIALIZED-SME']");
        assertThat(page.locator("#h-not-in-force").innerText()).startsWith("已到期/尚未施行");
        assertThat(ended.count()).isEqualTo(1);
        assertThat(ended.getAttribute("data-phase")).isEqualTo("ENDED");
        assertThat(ended.locator(".phase").innerText()).contains("2026-01-16");
        assertThat(ended.locator(".successor").innerText()).contains("优质中小企业梯度培育管理办法");
        assertThat(form.result("CN-MIIT-SPECIALIZED-SME").count()).as("not among the results in force").isZero();

        Locator amount = form.result("GD-MFG-INVEST-2PCT").locator(".amount");
        assertThat(amount.getAttribute("data-basis")).isEqualTo("UP_TO");
        assertThat(amount.innerText()).isEqualTo("最高 240 万元");
        browser.screenshot(page, "results-not-in-force");
    }
}
