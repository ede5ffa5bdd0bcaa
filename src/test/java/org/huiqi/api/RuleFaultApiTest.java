package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/**
 * A rule that throws for some profiles, serving (both gates are off here to get it serving at all):
 * the self-check still answers 200 with that one measure ERROR, batches likewise, and staff see
 * the fault in GET /api/v1/ruleset and the metrics until another rule set is activated.
 */
@QuarkusTest
@TestProfile(RuleFaultApiTest.FaultyRules.class)
class RuleFaultApiTest {
    static Path dir;

    public static class FaultyRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            dir = TempRules.copyOfProjectRules();
            TempRules.write(dir, "zhejiang/suichang/fault.drl", TempRules.THROWING_MEASURE);
            Map<String, String> config = new HashMap<>(new IntegrationKeys().getConfigOverrides());
            config.putAll(Map.of("policy.rules.dir", dir.toString(), "policy.rules.require-passing-scenarios", "false",
                    "policy.rules.smoke-sweep", "false"));
            return config;
        }
    }

    private static final String SUICHANG = "{\"regionCode\": \"331123\", \"employees\": 40, \"sme\": true}";

    @Test
    void oneMeasureIsErrorTheRestAnswerAndStaffSeeTheFaultUntilTheNextActivation() throws IOException {
        JsonPath answer = given().contentType("application/json").body("{\"asOf\": \"2025-06-01\", \"profile\": " + SUICHANG + "}")
                .when().post("/api/v1/eligibility")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("results.find { it.measureId == 'FAULT-TEST' }.status")).isEqualTo("ERROR");
        assertThat(answer.getString("results.find { it.measureId == 'FAULT-TEST' }.error.zh")).startsWith("暂时无法判定");
        assertThat(answer.getString("results.find { it.measureId == 'FAULT-TEST' }.error.en")).startsWith("could not be evaluated");
        List<String> others = answer.getList("results.findAll { it.measureId != 'FAULT-TEST' }.status");
        assertThat(others).isNotEmpty().doesNotContain("ERROR");
        assertThat(answer.prettify()).doesNotContain("atMost", "NullPointer", "Exception");

        given().contentType(BatchApiTest.NDJSON).header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                .body(BatchApiTest.utf8("{\"id\": \"a\", \"asOf\": \"2025-06-01\", \"profile\": " + SUICHANG + "}\n"))
                .when().post("/api/v1/eligibility/batch")
                .then().statusCode(200).body(containsString("\"status\":\"ERROR\""));

        JsonPath anyone = given().when().get("/api/v1/ruleset").then().statusCode(200).extract().jsonPath();
        assertThat(anyone.getString("faults[0].measureId")).isEqualTo("FAULT-TEST");
        assertThat(anyone.getString("faults[0].rule")).isEqualTo("FAULT-TEST / amount");
        assertThat(anyone.getString("faults[0].file")).isEqualTo("zhejiang/suichang/fault.drl");
        assertThat(anyone.getLong("faults[0].count")).isGreaterThanOrEqualTo(2);
        assertThat(anyone.getString("faults[0].lastSeen")).isNotBlank();
        assertThat(anyone.getString("faults[0].message")).startsWith("规则运行出错").contains("原因见服务日志");
        given().header("Authorization", "Bearer " + IntegrationKeys.ADMIN_KEY).when().get("/api/v1/ruleset")
                .then().statusCode(200).body("faults[0].message", containsString("null"));

        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("huiqi_rule_faults_total{measure=\"FAULT-TEST\"}"));

        Files.delete(dir.resolve("zhejiang/suichang/fault.drl"));
        given().header("Authorization", "Bearer " + IntegrationKeys.ADMIN_KEY).when().post("/api/v1/admin/ruleset/reload")
                .then().statusCode(200).body("status", is("ACTIVATED"));
        given().when().get("/api/v1/ruleset").then().statusCode(200).body("faults.size()", is(0));
    }
}
