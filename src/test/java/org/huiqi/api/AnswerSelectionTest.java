package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a caller can leave out of an answer: one language (Accept-Language), and on batches the
 * statuses it does not act on (?status=); and that a parallel batch still answers in input order.
 */
@QuarkusTest
@TestProfile(IntegrationKeys.class)
class AnswerSelectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WUZHOU = "{\"asOf\":\"2025-06-01\",\"profile\":{\"regionCode\":\"450403\",\"employees\":120,"
            + "\"industryCode\":\"C3311\",\"financials\":{\"2024\":{\"operatingRevenue\":8000,\"rdExpense\":400}}}}";

    @Test
    void anAnswerCanBeAskedForInOneLanguageAndKeepsBothByDefault() throws Exception {
        JsonNode both = JSON.readTree(given().contentType("application/json").body(WUZHOU)
                .when().post("/api/v1/eligibility").then().statusCode(200).extract().asString());
        JsonNode en = JSON.readTree(given().contentType("application/json").header("Accept-Language", "en").body(WUZHOU)
                .when().post("/api/v1/eligibility").then().statusCode(200).header("Content-Language", "en").extract().asString());
        JsonNode browser = JSON.readTree(given().contentType("application/json").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .body(WUZHOU).when().post("/api/v1/eligibility").then().statusCode(200).extract().asString());

        JsonNode title = both.at("/results/0/title");
        assertThat(title.has("zh") && title.has("en")).isTrue();
        assertThat(en.at("/results/0/title").has("zh")).isFalse();
        assertThat(en.at("/results/0/title/en").asText()).isEqualTo(title.get("en").asText());
        assertThat(en.at("/results/0/criteria/0/description").has("zh")).isFalse();
        assertThat(en.get("results").size()).isEqualTo(both.get("results").size());
        assertThat(browser.at("/results/0/title").has("zh") && browser.at("/results/0/title").has("en")).isTrue();
    }

    @Test
    void aBatchKeepsOnlyTheAskedStatusesRepeatedOrCommaSeparatedAndAnswersInInputOrder() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) body.append("{\"id\":\"row-").append(i).append("\",").append(WUZHOU.substring(1)).append('\n');
        for (String query : List.of("status=ELIGIBLE,NEEDS_INFO", "status=ELIGIBLE&status=NEEDS_INFO")) {
            String out = given().contentType("application/x-ndjson").header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                    .body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().post("/api/v1/eligibility/batch?view=summary&" + query)
                    .then().statusCode(200).extract().asString();
            assertSelected(out);
        }
    }

    private static void assertSelected(String out) throws Exception {
        List<String> ids = new ArrayList<>();
        Set<String> statuses = new java.util.HashSet<>();
        for (String line : out.split("\n")) {
            JsonNode result = JSON.readTree(line);
            if (result.has("end")) continue;
            ids.add(result.get("id").asText());
            result.at("/summary/results").forEach(r -> statuses.add(r.get("status").asText()));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) expected.add("row-" + i);
        assertThat(ids).isEqualTo(expected);
        assertThat(statuses).contains("NEEDS_INFO").doesNotContain("NOT_ELIGIBLE");
    }

    @Test
    void anUnknownStatusIsABadRequestNamingTheParameter() {
        given().contentType("application/x-ndjson").header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                .body((WUZHOU + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/eligibility/batch?status=ELIGIBLE,MAYBE")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
    }
}
