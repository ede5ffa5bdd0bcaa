package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.huiqi.api.openapi.SendsInvalidRequests;
import org.junit.jupiter.api.Test;

/**
 * What a platform team needs to run a nightly match unattended: a request id it can quote, a
 * stream whose end (or cut) is visible in-band, resumption without renumbering, and gzip both ways.
 */
@QuarkusTest
@TestProfile(IntegrationKeys.class)
class DiagnosableRunsTest {
    private static final String KEY = "Bearer " + IntegrationKeys.INTEGRATION_KEY;

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/eligibility/batch")
    java.net.URL batch;

    @Test
    @SendsInvalidRequests
    void theCallersRequestIdComesBackInTheHeaderTheProblemAndTheAuditRecord() throws Exception {
        given().contentType("application/json").header("X-Request-Id", "nightly-2026-12-04.7")
                .body("{\"profile\": {\"regionCode\": \"45\"}}").when().post("/api/v1/eligibility")
                .then().statusCode(400).header("X-Request-Id", "nightly-2026-12-04.7")
                .body("instance", equalTo("urn:huiqi:request:nightly-2026-12-04.7"));
        try (AuditCapture audit = new AuditCapture(10)) {
            given().contentType("application/json").header("X-Request-Id", "one-self-check").body(EligibilityApiTest.AT_THRESHOLDS)
                    .when().post("/api/v1/eligibility").then().statusCode(200).header("X-Request-Id", "one-self-check");
            assertThat(audit.records()).anySatisfy(record -> assertThat(BatchApiTest.parse(record).path("requestId").asText())
                    .isEqualTo("one-self-check"));
        }
    }

    @Test
    @SendsInvalidRequests
    void withoutAnIdTheTraceparentsTraceIdOrANewOneIsUsedAndABadIdIsReplaced() {
        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").when().get("/api/v1/measures/NO-SUCH")
                .then().statusCode(404).header("X-Request-Id", "4bf92f3577b34da6a3ce929d0e0e4736");
        String made = given().when().get("/api/v1/ruleset").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9A-Z]{26}")).extract().header("X-Request-Id");
        assertThat(given().when().get("/api/v1/ruleset").header("X-Request-Id")).as("one per request").isNotEqualTo(made);
        given().header("X-Request-Id", "has spaces; and more").when().get("/api/v1/ruleset")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9A-Z]{26}"));
    }

    @Test
    @SendsInvalidRequests
    void anNdjsonAnswerEndsWithItsEndLineAndAResumedBodyKeepsItsLineNumbers() {
        String body = BatchApiTest.withId("a") + "\n{not json\n\n" + BatchApiTest.withId("d") + "\n";
        Response response = given().contentType(BatchApiTest.NDJSON).header("Authorization", KEY).header("X-Request-Id", "resume-1")
                .queryParam("firstLine", 4114).queryParam("view", "summary").body(BatchApiTest.utf8(body))
                .when().post("/api/v1/eligibility/batch/ndjson"); // the NDJSON operation of its own, as generated clients call it
        response.then().statusCode(200).header("X-Request-Id", "resume-1");
        List<JsonNode> lines = response.asString().lines().map(BatchApiTest::parse).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).extracting(l -> l.path("line").asInt()).containsExactly(4114, 4115, 4117);
        assertThat(lines.get(1).path("error").path("instance").asText()).isEqualTo("urn:huiqi:request:resume-1");
        JsonNode end = lines.get(3).path("end");
        assertThat(end.path("lines").asInt()).isEqualTo(3);
        assertThat(end.path("errors").asInt()).isEqualTo(1);
        assertThat(end.path("rulesetVersion").asText()).isEqualTo(response.header("Ruleset-Version"));

        given().contentType(BatchApiTest.NDJSON).header("Authorization", KEY).queryParam("firstLine", 0).body(BatchApiTest.utf8(body))
                .when().post("/api/v1/eligibility/batch").then().statusCode(400).body("errors[0].field", equalTo("firstLine"));
    }

    @Test
    void aGzipBatchIsReadAndAnsweredInGzipWhenAsked() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 200; i++) body.append(BatchApiTest.withId("row-" + i)).append('\n');
        // Read outside REST Assured, to see the bytes on the wire.
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(batch + "?view=summary")).header("Content-Type", BatchApiTest.NDJSON)
                .header("Authorization", KEY).header("Content-Encoding", "gzip").header("Accept-Encoding", "gzip")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(gzip(body.toString()))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        byte[] compressed = response.body();
        List<String> lines = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(compressed)).readAllBytes(),
                StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(201);
        assertThat(lines.get(199)).startsWith("{\"line\":200,\"id\":\"row-200\"");
        assertThat(lines.get(200)).startsWith("{\"end\":{\"lines\":200,\"errors\":0,");
        int plain = String.join("\n", lines).length();
        System.out.printf("200 summary lines: %d bytes, %d gzipped%n", plain, compressed.length);
        assertThat(compressed.length).as("gzip pays off on summaries").isLessThan(plain / 5);
    }

    @Test
    @SendsInvalidRequests
    void aGzipBombIsRefusedWith413() throws IOException {
        byte[] bomb = gzip("{\"profile\": {\"name\": \"" + "0".repeat(64 * 1024 * 1024) + "\"}}\n");
        assertThat(bomb.length).isLessThan(100 * 1024);
        given().contentType(BatchApiTest.NDJSON).header("Authorization", KEY).header("Content-Encoding", "gzip").body(bomb)
                .when().post("/api/v1/eligibility/batch")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE).body("type", equalTo("https://huiqi.org/problems/body-too-large"));
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
