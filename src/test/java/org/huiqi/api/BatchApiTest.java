package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.huiqi.audit.CanonicalJson;
import org.huiqi.profile.EligibilityRequest;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.huiqi.api.openapi.SendsInvalidRequests;
import org.junit.jupiter.api.Test;

/** The batch endpoint: access, per-item errors in place, one rule-set version, audit records and metrics. */
@QuarkusTest
@TestProfile(IntegrationKeys.class)
class BatchApiTest {
    static final String NDJSON = "application/x-ndjson";
    static final ObjectMapper JSON = new ObjectMapper();
    /** One line of NDJSON: the contract's single request body, flattened, with an id. */
    static final String GOOD = EligibilityApiTest.AT_THRESHOLDS.replace("\n", " ").strip();

    static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String withId(String id) {
        return GOOD.replaceFirst("\\{", "{\"id\": \"" + id + "\", ");
    }

    @Test
    void theSummaryViewGivesStatusesWithoutExplanations() {
        given().contentType("application/json").header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                .queryParam("view", "summary").body("[" + EligibilityApiTest.AT_THRESHOLDS + "]")
                .when().post("/api/v1/eligibility/batch")
                .then().statusCode(200)
                .body("[0].evaluation", org.hamcrest.Matchers.nullValue())
                .body("[0].summary.results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.status", org.hamcrest.Matchers.is("ELIGIBLE"))
                .body("[0].summary.results.find { it.measureId == 'GD-XSG-2025' }.amount", org.hamcrest.Matchers.is(5))
                .body("[0].summary.results[0].criteria", org.hamcrest.Matchers.nullValue());
        given().contentType("application/json").header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                .queryParam("view", "short").body("[" + EligibilityApiTest.AT_THRESHOLDS + "]")
                .when().post("/api/v1/eligibility/batch")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.is("view"));
    }

    @Test
    void withoutAKeyTheBatchIs401() {
        given().contentType(NDJSON).body(utf8(GOOD + "\n")).when().post("/api/v1/eligibility/batch")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer").body("status", is(401));
        given().contentType("application/json").body("[" + GOOD + "]")
                .when().post("/api/v1/eligibility/batch")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().contentType(NDJSON).header("Authorization", "Bearer not-a-key").body(utf8(GOOD + "\n")).when().post("/api/v1/eligibility/batch")
                .then().statusCode(401).body("detail", containsString("not known"));
    }

    @Test
    void withAKeyLackingTheIntegrationRoleTheBatchIs403() {
        given().contentType(NDJSON).header("Authorization", "Bearer " + IntegrationKeys.ADMIN_KEY).body(utf8(GOOD + "\n")).when().post("/api/v1/eligibility/batch")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("detail", containsString("integration"));
    }

    @Test
    void theSingleSelfCheckWorksAnonymouslyAndAnUnknownKeyIsRefused() {
        given().contentType("application/json").body(EligibilityApiTest.AT_THRESHOLDS)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200).body("ruleset.version", startsWith("sha256:"));
        given().contentType("application/json").header("Authorization", "Bearer typo").body(EligibilityApiTest.AT_THRESHOLDS)
                .when().post("/api/v1/eligibility")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    @SendsInvalidRequests
    void aJsonArrayIsAnsweredInOrderWithAnInvalidItemReportedInPlace() {
        String body = "[" + withId("a") + ", {\"id\": \"b\", \"profile\": {\"regionCode\": \"45\"}}, "
                + "{\"id\": \"c\", \"profile\": {\"employees\": \"many\"}}, " + GOOD + "]";
        Response response = given().contentType("application/json").header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                .body(body).when().post("/api/v1/eligibility/batch");
        response.then().statusCode(200).contentType("application/json")
                .header("Ruleset-Version", startsWith("sha256:"))
                .header("Batch-Id", notNullValue())
                .body("$", hasSize(4))
                .body("index", contains(0, 1, 2, 3))
                .body("id", contains("a", "b", "c", null))
                .body("[0].evaluation.results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.status", is("ELIGIBLE"))
                .body("[0].error", nullValue())
                .body("[1].evaluation", nullValue())
                .body("[1].error.status", is(400))
                .body("[1].error.errors[0].field", is("profile.regionCode"))
                .body("[2].error.errors[0].field", is("profile.employees"))
                .body("[3].evaluation.asOf", is("2025-06-01"));
        String version = response.header("Ruleset-Version");
        assertThat(response.jsonPath().getList("rulesetVersion", String.class)).containsOnly(version);
        assertThat(response.jsonPath().getString("[0].evaluation.ruleset.version")).isEqualTo(version);
    }

    @Test
    @SendsInvalidRequests
    void aJsonArrayOverTheItemLimitIs413AndNotAnArrayIs400() {
        String six = "[" + String.join(",", List.of(GOOD, GOOD, GOOD, GOOD, GOOD, GOOD)) + "]";
        given().contentType("application/json").header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY).body(six)
                .when().post("/api/v1/eligibility/batch")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("type", is("https://huiqi.org/problems/too-many-items"))
                .body("detail", containsString("at most 5 items"));
        given().contentType("application/json").header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY).body(GOOD)
                .when().post("/api/v1/eligibility/batch")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY).body("[" + GOOD)
                .when().post("/api/v1/eligibility/batch")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("title", is("Malformed JSON"));
    }

    @Test
    @SendsInvalidRequests
    void badNdjsonLinesGetErrorRecordsWhileTheirNeighboursSucceed() throws Exception {
        String longLine = "{\"id\": \"long\", \"profile\": {\"name\": \"" + "x".repeat(IntegrationKeys.MAX_LINE_BYTES) + "\"}}";
        String body = String.join("\n",
                withId("first"),
                "{\"id\": \"broken\", \"profile\": {",
                "{\"id\": \"invalid\", \"profile\": {\"creditCode\": \"91450400MA5L00000X\"}}",
                "",
                "{\"id\": \"unknown-field\", \"profile\": {\"turnover\": 5}}",
                longLine,
                "{\"id\": 7, \"profile\": {}}",
                withId("last")) + "\r\n";
        Response response = given().contentType(NDJSON).header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                .body(utf8(body)).when().post("/api/v1/eligibility/batch");
        response.then().statusCode(200).contentType(NDJSON);
        String version = response.header("Ruleset-Version");
        List<JsonNode> all = response.asString().lines().map(BatchApiTest::parse).toList();
        JsonNode end = all.get(all.size() - 1).path("end");
        assertThat(end.path("lines").asInt()).as("the end line counts the results").isEqualTo(7);
        assertThat(end.path("errors").asInt()).isEqualTo(4);
        assertThat(end.path("rulesetVersion").asText()).isEqualTo(response.header("Ruleset-Version"));
        List<JsonNode> lines = all.subList(0, all.size() - 1);

        assertThat(lines).extracting(l -> l.get("line").asInt()).containsExactly(1, 2, 3, 5, 6, 7, 8);
        assertThat(lines).allSatisfy(l -> assertThat(l.get("rulesetVersion").asText()).isEqualTo(version));
        assertThat(lines.get(0).get("id").asText()).isEqualTo("first");
        assertThat(lines.get(0).path("evaluation").path("results").size()).isPositive();
        assertThat(lines.get(1).path("error").path("title").asText()).isEqualTo("Malformed JSON");
        assertThat(lines.get(1).path("error").path("detail").asText()).startsWith("line 2: ");
        assertThat(lines.get(2).path("id").asText()).isEqualTo("invalid");
        assertThat(lines.get(2).path("error").path("errors").get(0).path("field").asText()).isEqualTo("profile.creditCode");
        assertThat(lines.get(3).path("id").asText()).isEqualTo("unknown-field");
        assertThat(lines.get(3).path("error").path("errors").get(0).path("field").asText()).isEqualTo("profile.turnover");
        assertThat(lines.get(4).path("error").path("status").asInt()).isEqualTo(413);
        assertThat(lines.get(5).get("id").asText()).as("a number id is read as text").isEqualTo("7");
        assertThat(lines.get(5).has("evaluation")).isTrue();
        assertThat(lines.get(6).get("id").asText()).isEqualTo("last");
        assertThat(lines.get(6).path("evaluation").path("ruleset").path("version").asText()).isEqualTo(version);
        for (int i : new int[] {1, 2, 3, 4}) assertThat(lines.get(i).has("evaluation")).isFalse();
    }

    @Test
    @SendsInvalidRequests
    void everyEvaluationLeavesOneAuditRecordWithoutTheRawProfile() throws Exception {
        try (AuditCapture audit = new AuditCapture(100)) {
            given().contentType("application/json").body(EligibilityApiTest.AT_THRESHOLDS)
                    .when().post("/api/v1/eligibility").then().statusCode(200);
            Response batch = given().contentType(NDJSON).header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                    .body(utf8(withId("r1") + "\n{\"profile\": 1}\n" + withId("r3") + "\n")).when().post("/api/v1/eligibility/batch");
            batch.then().statusCode(200);

            List<JsonNode> records = audit.records().stream().map(BatchApiTest::parse).toList();
            // Batch items are evaluated in parallel: their records come in the order they finish, so by line here.
            List<JsonNode> evaluations = records.stream().filter(r -> r.get("event").asText().equals("evaluation"))
                    .sorted(java.util.Comparator.comparingInt(r -> r.path("line").asInt(0))).toList();
            assertThat(evaluations).hasSize(3);
            JsonNode single = evaluations.get(0);
            assertThat(single.get("client").asText()).isEqualTo("anonymous");
            assertThat(single.get("asOf").asText()).isEqualTo("2025-06-01");
            assertThat(single.get("rulesetVersion").asText()).startsWith("sha256:");
            assertThat(single.get("evaluationId").asText()).hasSize(26);
            Profile sent = ProfileJson.configure(new ObjectMapper())
                    .readValue(EligibilityApiTest.AT_THRESHOLDS, EligibilityRequest.class).profile();
            assertThat(single.get("profileHmac").asText()).as("an auditor holding the key can recompute it")
                    .isEqualTo(CanonicalJson.hmacSha256(IntegrationKeys.AUDIT_KEY.getBytes(StandardCharsets.UTF_8), sent))
                    .isNotEqualTo(CanonicalJson.hmacSha256("another key".getBytes(StandardCharsets.UTF_8), sent));
            assertThat(single.path("measures").path("ELIGIBLE").toString()).contains("CN-MIIT-SPECIALIZED-SME");
            assertThat(single.has("profile")).isFalse();

            JsonNode first = evaluations.get(1);
            assertThat(first.get("client").asText()).isEqualTo("registry");
            assertThat(first.get("batchId").asText()).isEqualTo(batch.header("Batch-Id"));
            assertThat(first.get("line").asInt()).isEqualTo(1);
            assertThat(first.get("itemId").asText()).isEqualTo("r1");
            assertThat(evaluations.get(2).get("line").asInt()).isEqualTo(3);
            assertThat(first.get("profileHmac").asText()).as("same facts, same fingerprint").isEqualTo(single.get("profileHmac").asText());
            for (String record : audit.records()) {
                assertThat(record).doesNotContain("肇庆市某电池有限公司").doesNotContain("91450400MA5L00000D");
            }
            JsonNode summary = records.get(records.size() - 1);
            assertThat(summary.get("event").asText()).isEqualTo("batch");
            assertThat(summary.get("evaluated").asInt()).isEqualTo(2);
            assertThat(summary.get("rejected").asInt()).isEqualTo(1);
        }
    }

    @Test
    @SendsInvalidRequests
    void anOversizeJsonBodyIs413ProblemJson() {
        String huge = "{\"profile\": {\"name\": \"" + "x".repeat(IntegrationKeys.MAX_JSON_BYTES) + "\"}}";
        given().contentType("application/json").body(huge)
                .when().post("/api/v1/eligibility")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("status", is(413)).body("type", is("https://huiqi.org/problems/body-too-large"));
    }

    @Test
    void metricsCountEvaluationsByMeasureAndStatusLatencyAndBatchLines() {
        given().contentType(NDJSON).header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                .body(utf8(GOOD + "\n{\n")).when().post("/api/v1/eligibility/batch").then().statusCode(200);
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("huiqi_evaluations_total{measure=\"CN-MIIT-SPECIALIZED-SME\",status=\"ELIGIBLE\"}"))
                .body(containsString("huiqi_evaluation_duration_seconds_bucket{mode=\"batch\""))
                .body(containsString("huiqi_batch_lines_total{format=\"ndjson\",outcome=\"evaluated\"}"))
                .body(containsString("huiqi_batch_lines_total{format=\"ndjson\",outcome=\"invalid\"}"))
                .body(containsString("huiqi_ruleset_reloads_total{outcome=\"activated\"}"));
        Management.given().when().get("/q/health/live").then().statusCode(200);
        Management.given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", not(hasSize(0)));
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
