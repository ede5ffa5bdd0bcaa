package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The compact view a registry-scale match asks for: per result only what it acts on, the same
 * answers as the full evaluation, and a line a small fraction of the full one (figures printed
 * here are the ones docs/integration.md quotes).
 */
@QuarkusTest
@TestProfile(IntegrationKeys.class)
class CompactViewTest {
    private static final String KEY = "Bearer " + IntegrationKeys.INTEGRATION_KEY;
    private static final int LINES = 200;

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/eligibility/batch/ndjson")
    URI batch;

    @Test
    void aCompactResultCarriesOnlyStatusAmountAndMissingFieldsAndAgreesWithTheFullOne() {
        JsonNode full = BatchApiTest.parse(given().contentType("application/json").body(EligibilityApiTest.AT_THRESHOLDS)
                .when().post("/api/v1/eligibility").then().statusCode(200).extract().asString());
        JsonNode compact = BatchApiTest.parse(given().contentType("application/json").body(EligibilityApiTest.AT_THRESHOLDS)
                .when().post("/api/v1/eligibility/compact").then().statusCode(200).extract().asString());

        assertThat(fieldNames(compact)).containsExactlyInAnyOrder("evaluationId", "asOf", "rulesetVersion", "results");
        assertThat(compact.path("rulesetVersion").asText()).isEqualTo(full.path("ruleset").path("version").asText());
        assertThat(compact.path("asOf").asText()).isEqualTo("2025-06-01");
        assertThat(compact.path("results")).hasSameSizeAs(full.path("results"));
        for (int i = 0; i < full.path("results").size(); i++) {
            JsonNode expected = full.path("results").get(i);
            JsonNode result = compact.path("results").get(i);
            assertThat(Set.of("measureId", "projectId", "status", "amount", "missingFields")).containsAll(fieldNames(result));
            assertThat(result.path("measureId").asText()).isEqualTo(expected.path("measureId").asText());
            assertThat(result.path("status").asText()).isEqualTo(expected.path("status").asText());
            assertThat(result.path("missingFields")).as("absent when none").isEqualTo(
                    expected.path("missingFields").isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                            : expected.path("missingFields"));
            JsonNode amount = expected.path("benefit").path("amount");
            if (amount.isNull()) {
                assertThat(result.has("amount")).isFalse();
            } else {
                assertThat(result.path("amount").path("value").decimalValue()).isEqualByComparingTo(amount.decimalValue());
                assertThat(result.path("amount").path("basis").asText()).isEqualTo(expected.path("benefit").path("basis").asText());
                assertThat(result.path("amount").path("unit").asText()).isEqualTo(org.huiqi.evaluation.MeasureResult.Benefit.MONEY_UNIT);
            }
        }
        assertThat(compact.path("results").findValuesAsText("status")).as("an answer with something to act on and to ask")
                .contains("ELIGIBLE", "NEEDS_INFO", "NOT_ELIGIBLE");
        JsonNode xsg = result(compact, "GD-XSG-2025");
        assertThat(xsg.path("amount").path("value").asInt()).isEqualTo(5);
    }

    @Test
    void aCompactBatchLineIsAFractionOfTheFullAndSummaryOnesPlainAndGzipped() throws Exception {
        Sizes full = sizes("full");
        Sizes summary = sizes("summary");
        Sizes compact = sizes("compact");
        Sizes toActOn = sizes("compact&status=ELIGIBLE");
        System.out.printf("%d lines, bytes per line plain / gzip: full %d / %d, summary %d / %d, compact %d / %d, "
                + "compact ELIGIBLE only %d / %d%n", LINES, full.plain / LINES, full.gzip / LINES, summary.plain / LINES,
                summary.gzip / LINES, compact.plain / LINES, compact.gzip / LINES, toActOn.plain / LINES, toActOn.gzip / LINES);

        JsonNode first = compact.lines.get(0);
        assertThat(fieldNames(first)).containsExactlyInAnyOrder("line", "id", "rulesetVersion", "compact");
        assertThat(first.path("id").asText()).isEqualTo("row-1");
        assertThat(fieldNames(first.path("compact"))).as("the version is beside, not repeated")
                .containsExactlyInAnyOrder("evaluationId", "asOf", "results");
        assertThat(result(first.path("compact"), "GD-XSG-2025").path("amount").path("value").asInt()).isEqualTo(5);
        assertThat(compact.lines.get(LINES).path("end").path("lines").asInt()).isEqualTo(LINES);

        assertThat(compact.plain).as("compact against full").isLessThan(full.plain / 20);
        assertThat(compact.plain).as("compact against summary").isLessThan(summary.plain * 2 / 3);
        assertThat(compact.gzip).as("compact against summary, gzipped").isLessThan(summary.gzip);
    }

    private record Sizes(long plain, long gzip, List<JsonNode> lines) {
    }

    /** The same 200-line batch in one view (and query), read off the wire gzipped. */
    private Sizes sizes(String view) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= LINES; i++) body.append(BatchApiTest.withId("row-" + i)).append('\n');
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(batch + "?view=" + view))
                .header("Content-Type", BatchApiTest.NDJSON).header("Authorization", KEY).header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
        List<JsonNode> lines = new String(plain, StandardCharsets.UTF_8).lines().map(BatchApiTest::parse).toList();
        return new Sizes(plain.length, response.body().length, lines);
    }

    private static JsonNode result(JsonNode evaluation, String measureId) {
        for (JsonNode r : evaluation.path("results")) if (r.path("measureId").asText().equals(measureId)) return r;
        throw new AssertionError(measureId + " is not in " + evaluation);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
