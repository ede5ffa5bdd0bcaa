package org.huiqi.web;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A real headless Chromium shared by the tests of one class, against the service under test;
 * after every test, no request may have gone to any host but the service.
 */
abstract class BrowserTest {
    protected static BrowserSession browser;

    @TestHTTPResource("/")
    URL service;

    @BeforeEach
    void openBrowser() {
        if (browser == null) browser = new BrowserSession(service);
    }

    @AfterEach
    void nothingOutside() {
        browser.assertNoOutsideRequests();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }
}
