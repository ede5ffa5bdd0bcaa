package org.huiqi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guided check (the default page) reaches the same statuses as the full form given the same
 * facts, asking far fewer questions; it is accessible (axe-core) and can be finished by keyboard.
 */
@QuarkusTest
class WebGuidedTest extends BrowserTest {
    private static final String AS_OF = "2025-06-01";

    /** 梧州长洲区再生铜企业（园区内），环保项目 slag. */
    static Map<String, String> wuzhouCopper() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("regionCode", "450405");
        f.put("industryCode", "C4210");
        f.put("parks", "wuzhou-circular-economy-park");
        f.put("firstAboveScaleYear", "2015");
        f.put("vatGeneralTaxpayer", "true");
        f.put("sellsCollectedRecycledResources", "true");
        f.put("handlesHazardousWaste", "false");
        f.put("handlesEndOfLifeVehicles", "false");
        f.put("recyclerFiled", "true");
        f.put("rcuVatCategory", "RECYCLED_METAL");
        f.put("recycledInputsInvoiced", "true");
        f.put("restrictedOrEliminatedProduct", "false");
        f.put("highPollutionProduct", "false");
        f.put("taxCreditRating", "A");
        f.put("violationWithin6Months", "false");
        f.put("rcuEitCatalogMaterial", "true");
        f.put("westernEncouragedRevenueSharePct", "80");
        f.put("certifications", "HIGH_TECH_ENTERPRISE:2023-10-01");
        f.put("financials.2024.mainBusinessRevenue", "11000");
        f.put("financials.2024.taxableProfit", "800");
        f.put("financials.2024.vatPaid", "300");
        f.put("projects", "some");
        f.put("projects[0].id", "slag");
        f.put("projects[0].kind", "ENVIRONMENTAL");
        f.put("projects[0].environmentalCatalog", "true");
        f.put("projects[0].firstRevenueYear", "2023");
        f.put("projects[0].taxableIncomeLastYear", "200");
        return f;
    }

    /** 肇庆高要区锂电池制造企业，2024 年首次入规，制造业项目 plant2. */
    static Map<String, String> zhaoqingLithium() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("regionCode", "441204");
        f.put("industryCode", "C3841");
        f.put("firstAboveScaleYear", "2024");
        f.put("receivedProvincialXsgAward", "false");
        f.put("newPlantEntry", "false");
        f.put("convertedFromNonIndustrial", "false");
        f.put("movedBetweenCities", "false");
        f.put("majorIncidentWithin3Years", "false");
        f.put("energyStorageManufacturer", "true");
        f.put("financials.2024.mainBusinessRevenue", "26000");
        f.put("projects", "some");
        f.put("projects[0].id", "plant2");
        f.put("projects[0].kind", "MANUFACTURING");
        f.put("projects[0].storageTechnology", "LITHIUM_ION");
        f.put("projects[0].totalInvestment", "50000");
        f.put("projects[0].newFixedAssetInvestment", "30000");
        f.put("projects[0].inProvincialStrategicCluster", "true");
        f.put("projects[0].previouslyProvincialFunded", "false");
        return f;
    }

    /** 遂昌泵类装备制造企业（高企），挂牌拿地项目 land1. */
    static Map<String, String> suichangEquipment() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("regionCode", "331123");
        f.put("industryCode", "C3441");
        f.put("certifications", "HIGH_TECH_ENTERPRISE:2024-03-01");
        f.put("financials.2024.taxableProfit", "600");
        f.put("projects", "some");
        f.put("projects[0].id", "land1");
        f.put("projects[0].kind", "MANUFACTURING");
        f.put("projects[0].industrialLandByListing", "true");
        f.put("projects[0].commitmentSystem", "true");
        f.put("projects[0].buildingType", "STANDARD_FACTORY");
        f.put("projects[0].buildingAreaM2", "4800");
        f.put("projects[0].totalInvestment", "15000");
        f.put("projects[0].environmentalCatalog", "false");
        return f;
    }

    @Test
    void wuzhouRecycledCopperEnterprise() {
        Map<String, String> statuses = guidedMatchesFullForm("wuzhou", wuzhouCopper());
        // the 3% simplified VAT the form could not reach before
        assertThat(statuses).containsEntry("CN-VAT-RECYCLER-SIMPLE3", "ELIGIBLE").containsEntry("GX-WZ-PARK", "ELIGIBLE")
                .containsEntry("CN-EIT-ENV-3F3H@project", "ELIGIBLE");
    }

    @Test
    void zhaoqingLithiumBatteryManufacturer() {
        Map<String, String> statuses = guidedMatchesFullForm("zhaoqing", zhaoqingLithium());
        assertThat(statuses).containsEntry("GD-XSG-2025", "ELIGIBLE").containsEntry("GD-MFG-INVEST-2PCT@project", "ELIGIBLE");
    }

    @Test
    void suichangEquipmentMaker() {
        Map<String, String> statuses = guidedMatchesFullForm("suichang", suichangEquipment());
        assertThat(statuses).containsEntry("SC-LAND-START@project", "ELIGIBLE").containsEntry("ZJ-LOW-RISK-20D@project", "ELIGIBLE")
                .containsEntry("CN-HNTE-EIT15", "ELIGIBLE");
    }

    private Map<String, String> guidedMatchesFullForm(String name, Map<String, String> facts) {
        // guided: the default page
        Page page = browser.newPage();
        GuidedPage guided = new GuidedPage(page);
        page.navigate(browser.url("/"));
        page.waitForSelector("#guided-basics #region-province option[value='450000']",
                new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        Accessibility.assertNoSeriousViolations(page, name + " guided basics");
        guided.evaluationDate(AS_OF);
        int answered = 0, asked = 0;
        for (String path : page.locator("#guided-basics [data-path]").all().stream().map(e -> e.getAttribute("data-path")).toList()) {
            if (path.equals("asOf")) continue;
            asked++;
            if (facts.containsKey(path)) {
                guided.answer(path, facts.get(path));
                answered++;
            }
        }
        browser.screenshotOf(page.locator("#guided-form"), "guided-" + name + "-basics");
        guided.next();
        boolean checkedQuestions = false;
        for (int round = 0; round < 40 && !guided.done(); round++) {
            if (!checkedQuestions) {
                Accessibility.assertNoSeriousViolations(page, name + " guided questions");
                browser.screenshotOf(page.locator("#guided-form"), "guided-" + name + "-questions");
                page.click("#lang-switch");
                browser.screenshotOf(page.locator("#guided-form"), "guided-" + name + "-questions-en");
                page.click("#lang-switch");
                checkedQuestions = true;
            }
            for (String path : guided.questions()) {
                asked++;
                if (facts.containsKey(path)) {
                    guided.answer(path, facts.get(path));
                    answered++;
                } else {
                    page.check("#skip-" + ("f-" + path.replaceAll("[^A-Za-z0-9_-]", "-")));
                }
            }
            guided.next();
        }
        assertThat(guided.done()).as("the guided check ends").isTrue();
        Map<String, String> viaGuided = guided.statuses();
        Accessibility.assertNoSeriousViolations(page, name + " guided results");
        browser.screenshotOf(page.locator("#guided-form"), "guided-" + name + "-done");
        browser.screenshotOf(page.locator("#results"), "guided-" + name + "-results");

        // full form: a fresh browser, every fact entered
        page = browser.newPage();
        FormPage form = new FormPage(page).open(browser);
        GuidedPage person = new GuidedPage(page);
        person.evaluationDate(AS_OF);
        facts.forEach(person::answer);
        int inputs = page.locator("#profile-form input, #profile-form select").count();
        Accessibility.assertNoSeriousViolations(page, name + " full form");
        form.submit();
        Map<String, String> viaForm = person.statuses();

        System.out.printf("[guided] %s: answered %d questions (%d asked, %d skipped) in the guided check; the full form has %d inputs%n",
                name, answered, asked, asked - answered, inputs);
        assertThat(viaGuided).as(name + ": guided statuses equal the full form's").isEqualTo(viaForm);
        assertThat(answered * 2).as(name + ": at most half as many answers as the full form has inputs").isLessThanOrEqualTo(inputs);
        return viaForm;
    }

    @Test
    void theGuidedCheckCanBeFinishedWithTheKeyboardAlone() {
        Page page = browser.newPage();
        GuidedPage guided = new GuidedPage(page);
        page.navigate(browser.url("/"));
        page.waitForSelector("#guided-basics #region-province option[value='450000']",
                new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        // basics: type the region code, then submit with Enter from that text input
        tabTo(page, "[data-path='regionCode']");
        page.keyboard().type("450400");
        page.keyboard().press("Enter");
        page.waitForSelector("#guided-questions, #guided-done");
        int rounds = 0;
        while (!guided.done() && rounds++ < 40) {
            // answer nothing: tick "not sure" on every question shown, then the submit button
            for (String path : guided.questions()) {
                tabTo(page, "#skip-f-" + path.replaceAll("[^A-Za-z0-9_-]", "-"));
                page.keyboard().press("Space");
            }
            tabTo(page, "#guided-next");
            page.waitForResponse(r -> r.url().endsWith("/api/v1/eligibility"), () -> page.keyboard().press("Enter"));
            page.waitForSelector("#guided-next:not([disabled])");
        }
        assertThat(guided.done()).as("finished by keyboard").isTrue();
        assertThat(page.locator("#guided-progress").innerText()).contains("已回答 1 个问题");
        assertThat(guided.statuses()).containsEntry("GX-WZ-PARK", "NEEDS_INFO");
        browser.screenshot(page, "guided-keyboard-done");
    }

    /** Presses Tab until the element is focused, as a keyboard user would. */
    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 400; i++) {
            if ((Boolean) page.evaluate("s => document.activeElement === document.querySelector(s)", selector)) return;
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reaches " + selector);
    }
}
