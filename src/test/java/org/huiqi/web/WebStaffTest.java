package org.huiqi.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The read-only staff view at /staff, in a real browser. */
@QuarkusTest
class WebStaffTest extends BrowserTest {
    @Test
    void staffViewShowsTheRuleSetItsFilesTheLastReloadAndTheCatalog() {
        String version = given().get("/api/v1/ruleset").path("version");
        Page page = browser.newPage();
        Response response = page.navigate(browser.url("/staff"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headerValue("content-type")).startsWith("text/html");

        page.waitForSelector("#ruleset-version");
        page.fill("#catalog-date", "2025-06-01");
        page.dispatchEvent("#catalog-date", "change");
        page.waitForSelector("#catalog tbody tr[data-measure='CN-MIIT-SPECIALIZED-SME']");
        assertThat(page.locator("#ruleset-version").innerText()).isEqualTo(version);
        assertThat(page.locator("#reload-status").innerText()).startsWith("ACTIVATED");
        assertThat(page.locator("#files li").allInnerTexts()).contains("national/miit/specialized-sme.drl", "reference/industries.yaml");
        assertThat(page.locator("#catalog tbody tr[data-measure='CN-MIIT-SPECIALIZED-SME']").innerText())
                .contains("工信部企业〔2022〕63号").contains("2022-06-01");

        page.fill("#catalog-date", "2027-01-01");
        page.dispatchEvent("#catalog-date", "change");
        page.waitForSelector("#catalog tbody tr[data-measure='CN-MIIT-SPECIALIZED-SME']",
                new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        browser.screenshot(page, "staff");
    }

    @Test
    void staffPageIsAlsoServedByItsFileName() {
        given().get("/staff.html").then().statusCode(200);
        given().get("/staff").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"));
    }
}
