package org.huiqi.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person with a set of facts about their enterprise, answering either the guided check or the
 * full form. Facts are keyed by the profile JSON path the page's inputs carry; a few are answered
 * through their pickers: "parks" (a park id), "certifications" ("TYPE:date") and "projects" ("some").
 */
final class GuidedPage {
    final Page page;

    GuidedPage(Page page) {
        this.page = page;
    }

    /** Answers one fact in whichever view is showing. */
    void answer(String path, String value) {
        switch (path) {
            case "parks" -> page.check("#park-" + value);
            case "certifications" -> {
                String[] typeAndDate = value.split(":");
                page.selectOption("[data-path='certifications']", "some");
                page.check("#cert-" + typeAndDate[0]);
                page.fill("#cert-" + typeAndDate[0] + "-on", typeAndDate[1]);
            }
            default -> {
                Locator input = page.locator("[data-path='" + path + "']");
                if ("SELECT".equals(input.evaluate("e => e.tagName"))) input.selectOption(value);
                else input.fill(value);
            }
        }
    }

    /** Sets the evaluation date (which decides the years asked for) in the current view. */
    void evaluationDate(String date) {
        page.fill("[data-path='asOf']", date);
        page.dispatchEvent("[data-path='asOf']", "change");
    }

    /** Submits the guided step and waits for the evaluation to be shown. */
    void next() {
        // leave the last input first, as a person does: its change handlers may redraw pickers
        page.focus("#guided-next");
        // generous: on a shared build machine an evaluation can take longer than the default 15 s
        page.waitForResponse(r -> r.url().endsWith("/api/v1/eligibility"), new Page.WaitForResponseOptions().setTimeout(60_000),
                () -> page.click("#guided-next"));
        page.waitForSelector("#guided-next:not([disabled])");
        page.waitForSelector("#guided-progress");
    }

    /** The paths of the questions shown now. */
    List<String> questions() {
        return page.locator("#guided-body [data-question]").all().stream().map(q -> q.getAttribute("data-question")).toList();
    }

    boolean done() {
        return page.locator("#guided-done").count() > 0;
    }

    /**
     * Status of every result shown, keyed MEASURE or MEASURE@project (the one project of these
     * enterprises: the guided check never asks its id, which no rule reads, so the page names it #1).
     */
    Map<String, String> statuses() {
        page.waitForSelector("#results:not([hidden])", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        Map<String, String> out = new LinkedHashMap<>();
        for (Locator card : page.locator("#results article[data-measure]").all()) {
            String project = card.getAttribute("data-project");
            out.put(card.getAttribute("data-measure") + (project == null ? "" : "@project"), card.getAttribute("data-status"));
        }
        return out;
    }
}
