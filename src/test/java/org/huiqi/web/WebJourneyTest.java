package org.huiqi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guided check as a journey a person steers: back to the screen before, check-your-answers with
 * 修改答案, skipped questions answered later, resuming after a reload, clearing the data, a
 * 需补充信息 link that opens its question, and a phone-sized screen without sideways scrolling.
 */
@QuarkusTest
class WebJourneyTest extends BrowserTest {
    private static final String AS_OF = "2025-06-01";
    private static final Map<String, String> FACTS = WebGuidedTest.wuzhouCopper();

    /** Opens the page, answers the basics the facts know and moves on to the first questions. */
    private GuidedPage start(Page page) {
        GuidedPage guided = new GuidedPage(page);
        page.navigate(browser.url("/"));
        page.waitForSelector("#guided-basics #region-province option[value='450000']",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        guided.evaluationDate(AS_OF);
        for (String path : page.locator("#guided-basics [data-path]").all().stream().map(e -> e.getAttribute("data-path")).toList()) {
            if (FACTS.containsKey(path)) guided.answer(path, FACTS.get(path));
        }
        guided.next();
        page.waitForSelector("#guided-questions");
        return guided;
    }

    /** Answers what the facts know on the screen shown, skips the rest, and moves on. */
    private static void answerScreen(Page page, GuidedPage guided) {
        for (String path : guided.questions()) {
            if (FACTS.containsKey(path)) guided.answer(path, FACTS.get(path));
            else page.check("#skip-" + idFor(path));
        }
        guided.next();
    }

    private static String idFor(String path) {
        return "f-" + path.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    @Test
    void backShowsTheScreenBeforeWithItsAnswers() {
        Page page = browser.newPage();
        GuidedPage guided = start(page);
        List<String> first = guided.questions();
        assertThat(page.locator("#guided-progress").innerText()).containsPattern("已判定 \\d+ / \\d+ 项，预计还需约 \\d+ 个问题");
        answerScreen(page, guided);
        assertThat(guided.questions()).as("a new screen").isNotEqualTo(first);
        assertThat(guided.questions()).hasSizeLessThanOrEqualTo(3);

        page.click("#guided-back");
        assertThat(guided.questions()).as("back: the screen before").isEqualTo(first);
        for (String path : first) {
            if (FACTS.containsKey(path) && !List.of("parks", "certifications", "projects").contains(path)) {
                assertThat(page.locator("[data-path='" + path + "']").inputValue()).as(path + " as answered").isEqualTo(FACTS.get(path));
            } else if (!FACTS.containsKey(path)) {
                assertThat(page.isChecked("#skip-" + idFor(path))).as(path + " still marked skipped").isTrue();
            }
        }
        Accessibility.assertNoSeriousViolations(page, "a question screen reached with back");
        page.click("#guided-back");
        page.waitForSelector("#guided-basics");
        assertThat(page.locator("[data-path='industryCode']").inputValue()).isEqualTo("C4210");
        browser.screenshotOf(page.locator("#guided-form"), "journey-back-to-basics");
    }

    @Test
    void checkYourAnswersChangesAnAnswerAndReachesSkippedQuestions() {
        Page page = browser.newPage();
        GuidedPage guided = start(page);
        for (int round = 0; round < 40 && !guided.done(); round++) answerScreen(page, guided);
        assertThat(guided.done()).as("the questions end on the check page").isTrue();
        Locator row = page.locator("[data-answer-row='firstAboveScaleYear']");
        assertThat(row.locator(".check-value").innerText()).isEqualTo("2015");
        String evaluationBefore = page.locator("#evaluation-id").innerText();
        Accessibility.assertNoSeriousViolations(page, "check your answers");
        browser.screenshotOf(page.locator("#guided-form"), "journey-check-answers");
        page.click("#lang-switch");
        assertThat(page.locator("#check-h").innerText()).isEqualTo("Check your answers");
        assertThat(row.locator("button").innerText()).isEqualTo("Change");
        browser.screenshotOf(page.locator("#guided-form"), "journey-check-answers-en");
        page.click("#lang-switch");

        // 修改答案: the question opens with its answer, focused; saving it gives a new result
        row.locator("button", new Locator.LocatorOptions().setHasText("修改答案")).click();
        Locator input = page.locator("#guided-questions [data-path='firstAboveScaleYear']");
        assertThat(input.inputValue()).isEqualTo("2015");
        assertThat((Boolean) page.evaluate("() => document.activeElement.getAttribute('data-path') === 'firstAboveScaleYear'")).isTrue();
        Accessibility.assertNoSeriousViolations(page, "changing an answer");
        input.fill("2024");
        guided.next();
        for (int round = 0; round < 40 && !guided.done(); round++) answerScreen(page, guided);
        assertThat(page.locator("[data-answer-row='firstAboveScaleYear'] .check-value").innerText()).isEqualTo("2024");
        assertThat(page.locator("#evaluation-id").innerText()).as("a new result").isNotEqualTo(evaluationBefore);
        assertThat(page.locator("#answers [data-answer='firstAboveScaleYear']").textContent()).isEqualTo("2024");

        // a skipped question is listed and can be answered now
        Locator skipped = page.locator("#guided-check li[data-skipped]");
        assertThat(page.locator("#skipped-h").innerText()).matches("跳过的问题（\\d+）");
        String path = skipped.first().getAttribute("data-skipped");
        skipped.first().locator("button").click();
        assertThat(page.locator("#guided-questions [data-question='" + path + "']").isVisible()).isTrue();
        assertThat(page.isChecked("#skip-" + idFor(path))).as("shown as skipped until answered").isTrue();
    }

    @Test
    void aReloadResumesOnTheScreenTheUserWasOn() {
        Page page = browser.newPage();
        GuidedPage guided = start(page);
        answerScreen(page, guided);
        List<String> shown = guided.questions();
        String progress = page.locator("#guided-progress").innerText();

        page.reload();
        page.waitForSelector("#guided-progress");
        assertThat(guided.questions()).as("the same screen").isEqualTo(shown);
        assertThat(page.locator("#guided-progress").innerText()).isEqualTo(progress).doesNotContain("0 / 0");
        assertThat(page.locator("#results").isVisible()).isTrue();
        assertThat(page.locator("#results article[data-measure]").count()).isPositive();
        page.click("#guided-back");
        assertThat(guided.questions()).as("and its history").isNotEqualTo(shown);
    }

    @Test
    void clearMyDataInTheGuidedCheck() {
        Page page = browser.newPage();
        start(page);
        // the browser session accepts the confirmation, as a person who means it does
        page.click("#guided-clear");
        page.waitForSelector("#guided-basics");
        assertThat(page.locator("[data-path='industryCode']").inputValue()).isEmpty();
        assertThat(page.locator("#results").isVisible()).isFalse();
        assertThat(page.locator("#guided-busy").innerText()).isEqualTo("已清除。");
        assertThat((String) page.evaluate("() => localStorage.getItem('huiqi.form.v1')")).doesNotContain("C4210").doesNotContain("started");
        page.reload();
        page.waitForSelector("#guided-basics");
        assertThat(page.locator("[data-path='industryCode']").inputValue()).as("gone after a reload too").isEmpty();
    }

    @Test
    void aNeedsInformationLinkOpensItsQuestion() {
        Page page = browser.newPage();
        GuidedPage guided = start(page);
        List<String> onScreen = guided.questions();
        // a field not on the screen shown: the link opens it as a question of its own
        Locator link = page.locator("#group-needs a[data-missing]").all().stream()
                .filter(a -> !onScreen.contains(a.getAttribute("data-missing"))).findFirst().orElseThrow();
        String path = link.getAttribute("data-missing");
        assertThat(onScreen).doesNotContain(path);
        String linkText = link.innerText();
        link.click();
        Locator question = page.locator("#guided-questions [data-question='" + path + "']");
        assertThat(question.isVisible()).isTrue();
        assertThat(guided.questions()).containsExactly(path);
        assertThat(question.innerText()).contains(linkText);
        assertThat(page.locator("#profile-form").isVisible()).as("not the whole form").isFalse();
        assertThat((Boolean) page.evaluate("q => q.contains(document.activeElement)", question.elementHandle())).as("focused").isTrue();
        BoundingBox label = question.locator("label").first().boundingBox();
        assertThat(label.y).as("its label on screen").isBetween(0.0, 900.0 - label.height);
        Accessibility.assertNoSeriousViolations(page, "a question opened from the results");
        browser.screenshotAt(page, "#guided-questions", "journey-needs-info-question");
    }

    @Test
    void yearsAreNamedFromTheEvaluationDate() {
        Page page = browser.newPage();
        page.navigate(browser.url("/"));
        page.waitForSelector("#guided-basics #region-province option[value='450000']",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        new GuidedPage(page).evaluationDate("2026-03-01");
        assertThat(page.locator("label[for='f-financials-2025-operatingRevenue']").innerText()).isEqualTo("2025年（上一完整年度）营业收入");
        assertThat(page.locator("#f-asOf-hint").innerText()).contains("上一完整年度").contains("2025");
        page.click("#lang-switch");
        assertThat(page.locator("label[for='f-financials-2025-operatingRevenue']").innerText()).isEqualTo("Operating revenue in 2025 (last full year)");
    }

    @Test
    void aPhoneScreenNeedsNoSidewaysScrolling() {
        Page page = browser.newPage(390, 844);
        GuidedPage guided = new GuidedPage(page);
        page.navigate(browser.url("/"));
        page.waitForSelector("#guided-basics #region-province option[value='450000']",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        assertFits(page, "guided basics");
        browser.screenshotOf(page.locator("#guided-form"), "journey-phone-basics");
        guided.evaluationDate(AS_OF);
        guided.answer("regionCode", "450405");
        guided.next();
        page.waitForSelector("#guided-questions");
        assertFits(page, "guided questions");
        Accessibility.assertNoSeriousViolations(page, "guided questions on a phone");
        browser.screenshotOf(page.locator("#guided-form"), "journey-phone-questions");
        page.click("#guided-review");
        page.waitForSelector("#guided-check");
        assertThat(page.locator("#guided-more").innerText()).as("opened early, the check page says questions are left").matches("还有约 \\d+ 个问题可以回答.*");
        assertThat(guided.done()).isFalse();
        assertFits(page, "check your answers");
        browser.screenshotOf(page.locator("#guided-form"), "journey-phone-check");
        page.click("#mode-full");
        page.waitForSelector("table.years");
        assertFits(page, "full form with the year table");
        browser.screenshotAt(page, "table.years", "journey-phone-years");
    }

    private static void assertFits(Page page, String where) {
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth")).as("page width on a 390 px phone: " + where)
                .isLessThanOrEqualTo(390);
    }
}
