package org.huiqi.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * A Wuzhou recycled-copper enterprise in the circular economy park sees the park measure
 * (GX-WZ-PARK) with its citation.
 */
@QuarkusTest
class WebParkMeasureTest extends BrowserTest {
    @Test
    void parkEnterpriseSeesTheParkMeasureWithItsCitation() {
        Response measure = given().get("/api/v1/measures/GX-WZ-PARK");
        assertThat(measure.statusCode()).as("GX-WZ-PARK is in the rule set").isEqualTo(200);
        String document = measure.path("citation.document");

        Page page = browser.newPage();
        FormPage form = new FormPage(page).open(browser);
        form.evaluationDate("2025-06-01")
                .fill("name", "梧州市某再生铜业有限公司")
                .region("450000", "450400");
        page.check("#park-wuzhou-circular-economy-park");
        form.industry("4210", "C4210").submit();

        Locator park = form.result("GX-WZ-PARK");
        assertThat(park.count()).isEqualTo(1);
        assertThat(park.getAttribute("data-status")).isNotEqualTo("NOT_ELIGIBLE");
        assertThat(park.locator(".citation").innerText()).contains(document);
        browser.screenshot(page, "results-wuzhou-park");
    }
}
