package org.huiqi.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages forbid outside sources, framing and sniffing, and are never cached as immutable. */
@QuarkusTest
class PageHeadersTest {
    @Test
    void everyPageAndItsFilesCarryTheSecurityHeadersAndRevalidate() {
        for (String path : new String[] {"/", "/index.html", "/staff", "/js/main.js", "/js/guided.js", "/app.css", "/staff.js"}) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                            containsString("frame-ancestors 'none'"), not(containsString("http")), not(containsString("unsafe"))))
                    .header("X-Content-Type-Options", is("nosniff"))
                    .header("Referrer-Policy", is("no-referrer"))
                    .header("Cache-Control", allOf(containsString("no-cache"), not(containsString("immutable"))));
        }
    }

    /** A browser runs a module only when it is served as JavaScript (nosniff is on): every module of the page is. */
    @Test
    void everyModuleOfThePageIsServedAsJavaScript() throws IOException {
        List<String> modules;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/META-INF/resources/js"))) {
            modules = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".js")).toList();
        }
        assertThat(modules).contains("main.js", "guided.js", "results.js");
        for (String module : modules) {
            given().when().get("/js/" + module).then().statusCode(200)
                    .header("Content-Type", containsString("javascript"))
                    .header("Cache-Control", containsString("no-cache"));
        }
    }

    @Test
    void apiAnswersAreNotSniffedEither() {
        given().when().get("/api/v1/measures").then().statusCode(200).header("X-Content-Type-Options", is("nosniff"));
    }
}
