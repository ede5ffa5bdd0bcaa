package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.huiqi.rules.RuleSetCompiler;
import org.junit.jupiter.api.Test;

/**
 * Evaluations reuse the built rule set (no compilation per request), and each gets its own
 * session: concurrent evaluations of different profiles never see each other's facts.
 */
@QuarkusTest
class RuleSetReuseTest {
    @Test
    void concurrentEvaluationsShareTheRuleSetButNotTheirFacts() throws Exception {
        long buildsBefore = RuleSetCompiler.builds();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String[]>> answers = IntStream.range(0, 64).mapToObj(i -> pool.submit(() -> {
                boolean above = i % 2 == 0;
                String body = "{\"asOf\": \"2025-06-01\", \"profile\": {\"industryCode\": \"C3841\", "
                        + "\"financials\": {\"2024\": {\"mainBusinessRevenue\": " + (above ? 2000 : 1999) + "}}}}";
                var response = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/eligibility")
                        .then().statusCode(200).extract();
                return new String[] {String.valueOf(above),
                        response.path("results.find { it.measureId == 'CN-ABOVE-SCALE-THRESHOLD' }.status"),
                        response.path("ruleset.version")};
            })).toList();
            String version = null;
            for (Future<String[]> answer : answers) {
                String[] a = answer.get();
                assertThat(a[1]).isEqualTo(Boolean.parseBoolean(a[0]) ? "ELIGIBLE" : "NOT_ELIGIBLE");
                if (version == null) version = a[2];
                assertThat(a[2]).isEqualTo(version);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(RuleSetCompiler.builds()).as("no compilation per request").isEqualTo(buildsBefore);
    }
}
