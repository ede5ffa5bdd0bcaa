package org.huiqi.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The pages forbid outside sources, framing and sniffing, and are never cached as immutable. */
@QuarkusTest
class PageHeadersTest {
    @Test
    void everyPageAndItsFilesCarryTheSecurityHeadersAndRevalidate() {
        for (String path : new String[] {"/", "/index.html", "/staff", "/app.js", "/app.css", "/staff.js"}) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                            containsString("frame-ancestors 'none'"), not(containsString("http")), not(containsString("unsafe"))))
                    .header("X-Content-Type-Options", is("nosniff"))
                    .header("Referrer-Policy", is("no-referrer"))
                    .header("Cache-Control", allOf(containsString("no-cache"), not(containsString("immutable"))));
        }
    }

    @Test
    void apiAnswersAreNotSniffedEither() {
        given().when().get("/api/v1/measures").then().statusCode(200).header("X-Content-Type-Options", is("nosniff"));
    }
}
