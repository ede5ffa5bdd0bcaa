package org.huiqi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The region and industry pickers search the service as the user types: everyday words find the
 * classes (铜, 锂电池), a county is found by its name, and picking a match fills the code and the
 * province, city and county lists.
 */
@QuarkusTest
class WebPickerSearchTest extends BrowserTest {
    private Page page;
    private FormPage form;

    @BeforeEach
    void openPage() {
        page = browser.newPage();
        form = new FormPage(page);
    }

    @Test
    void everydayWordsFindIndustryClassesAndACountyIsFoundByName() {
        form.open(browser);
        page.fill("#industry-search", "铜");
        // the whole tree (grouped by section) gives way to the service's matches
        page.waitForSelector("#industry-list:not(:has(optgroup)) option[value='C3251']");
        assertThat(page.locator("#industry-list option[value='C3251']").innerText())
                .as("the match names the headings it sits under").contains("铜压延加工").contains("有色金属冶炼和压延加工业");
        page.fill("#industry-search", "锂电池");
        page.waitForSelector("#industry-list:not(:has(optgroup)) option[value='C3841']");
        assertThat(page.locator("#industry-list option[value='C3251']").count()).as("only the latest text's matches").isZero();
        page.selectOption("#industry-list", "C3841");
        assertThat(form.field("industryCode").inputValue()).isEqualTo("C3841");

        page.fill("#region-search", "万秀");
        page.waitForSelector("#region-matches option[value='450403']");
        page.selectOption("#region-matches", "450403");
        assertThat(form.field("regionCode").inputValue()).isEqualTo("450403");
        assertThat(page.locator("#region-province").inputValue()).isEqualTo("450000");
        assertThat(page.locator("#region-city").inputValue()).isEqualTo("450400");
        assertThat(page.locator("#region-county").inputValue()).isEqualTo("450403");
        browser.screenshot(page, "picker-search");
        Accessibility.assertNoSeriousViolations(page, "pickers with search matches");

        page.fill("#region-search", "不存在的地方");
        page.waitForSelector("#region-matches option:disabled");
        assertThat(page.locator("#region-matches").innerText()).contains("没有匹配的地区");
    }
}
