package org.huiqi.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The validator behind every API test reads the document as a client would: it can fail. */
class ApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiDocument document = ApiDocument.committed();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private String evaluationSchema() {
        return document.operation("POST", "/api/v1/eligibility").orElseThrow()
                .responseSchema(200, "application/json;charset=UTF-8").orElseThrow();
    }

    private static String evaluation(String result) {
        return "{\"evaluationId\": \"01JD\", \"asOf\": \"2026-11-22\", \"ruleset\": {\"version\": \"sha256:1\","
                + " \"loadedAt\": \"2026-11-22T10:00:00Z\"}, \"results\": [" + result + "]}";
    }

    private static final String RESULT = "{\"measureId\": \"M\", \"projectId\": %s, \"title\": {\"zh\": \"标题\", \"en\": \"title\"},"
            + " \"status\": \"ELIGIBLE\", \"nearMiss\": false, \"benefit\": {\"kind\": \"CASH\", \"amount\": null, \"confirmed\": true,"
            + " \"amountRule\": null}, \"criteria\": [], \"missingFields\": [], \"failedCriteria\": [], \"conflicts\": [],"
            + " \"howToClaim\": {\"mode\": \"APPLY\", \"office\": {\"zh\": \"受理部门\", \"en\": \"office\"}, \"confirmed\": true},"
            + " \"enterpriseStatus\": false, \"validTo\": %s}";

    @Test
    void nullIsAllowedWhereTheFieldIsNotRequired() throws Exception {
        assertThat(document.violations(evaluationSchema(), json(evaluation(RESULT.formatted("null", "null"))))).isEmpty();
        assertThat(document.violations(evaluationSchema(), json(evaluation(RESULT.formatted("\"p1\"", "\"2026-01-16\""))))).isEmpty();
    }

    @Test
    void aWrongTypeAMissingRequiredFieldOrABadDateIsReported() throws Exception {
        assertThat(document.violations(evaluationSchema(), json(evaluation(RESULT.formatted("5", "null")))))
                .anySatisfy(message -> assertThat(message).contains("/results/0/projectId"));
        assertThat(document.violations(evaluationSchema(), json(evaluation(RESULT.formatted("null", "\"16.1.2026\"")))))
                .anySatisfy(message -> assertThat(message).contains("/results/0/validTo"));
        assertThat(document.violations(evaluationSchema(), json(evaluation(RESULT.formatted("null", "null").replace("\"status\": \"ELIGIBLE\", ", "")))))
                .anySatisfy(message -> assertThat(message).contains("status"));
    }

    @Test
    void aLiteralPathSegmentIsNotTakenForATemplateAndUnknownPathsHaveNoOperation() {
        assertThat(document.operation("GET", "/api/v1/measures/CN-MIIT-SPECIALIZED-SME")).map(ApiDocument.Operation::name)
                .contains("GET /api/v1/measures/{id}");
        assertThat(document.operation("GET", "/api/v1/nothing-here")).isEmpty();
        assertThat(document.operation("DELETE", "/api/v1/ruleset")).isEmpty();
    }

    @Test
    void anNdjsonLineIsCheckedAgainstTheItemSchema() throws Exception {
        String line = document.operation("POST", "/api/v1/eligibility/batch").orElseThrow()
                .responseSchema(200, "application/x-ndjson").orElseThrow();
        assertThat(document.violations(line, json("{\"line\": 1, \"rulesetVersion\": \"sha256:1\", \"error\": {\"type\": \"t\","
                + " \"title\": \"Malformed JSON\", \"status\": 400, \"detail\": \"line 1\"}}"))).isEmpty();
        assertThat(document.violations(line, json("{\"line\": \"one\"}"))).isNotEmpty();
    }

    @Test
    void problemDocumentsNeedTypeTitleAndStatus() throws Exception {
        String problem = document.operation("POST", "/api/v1/eligibility").orElseThrow()
                .responseSchema(400, "application/problem+json").orElseThrow();
        assertThat(document.violations(problem, json("{\"type\": \"https://huiqi.org/problems/invalid-input\","
                + " \"title\": \"Invalid input\", \"status\": 400, \"errors\": [{\"field\": \"profile.x\", \"message\": \"m\"}]}"))).isEmpty();
        assertThat(document.violations(problem, json("{\"detail\": \"no type\"}"))).isNotEmpty();
    }
}
