package org.huiqi.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

/** The self-check form as a person uses it: fields found by their profile JSON path. */
final class FormPage {
    final Page page;

    FormPage(Page page) {
        this.page = page;
    }

    /** Opens the full form (the page starts in the guided check) once the reference lists have arrived. */
    FormPage open(BrowserSession browser) {
        page.navigate(browser.url("/"));
        waitForLists();
        page.click("#mode-full");
        waitForLists();
        return this;
    }

    void waitForLists() {
        page.waitForSelector("#region-province option[value='450000']", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
    }

    Locator field(String path) {
        return page.locator("[data-path='" + path + "']");
    }

    FormPage fill(String path, String value) {
        field(path).fill(value);
        return this;
    }

    FormPage select(String path, String value) {
        field(path).selectOption(value);
        return this;
    }

    FormPage evaluationDate(String date) {
        fill("asOf", date);
        field("asOf").dispatchEvent("change");
        return this;
    }

    FormPage region(String province, String city) {
        page.selectOption("#region-province", province);
        page.selectOption("#region-city", city);
        return this;
    }

    FormPage industry(String search, String code) {
        page.fill("#industry-search", search);
        page.selectOption("#industry-list", code);
        return this;
    }

    FormPage submit() {
        page.click("#submit");
        page.waitForSelector("#results:not([hidden]) #evaluation-id");
        return this;
    }

    /** The result card of a measure, wherever it is grouped. */
    Locator result(String measureId) {
        return page.locator("#results article[data-measure='" + measureId + "']");
    }

    String focusedPath() {
        return (String) page.evaluate("() => document.activeElement && document.activeElement.getAttribute('data-path')");
    }
}
