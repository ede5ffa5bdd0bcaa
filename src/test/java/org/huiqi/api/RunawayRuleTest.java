package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.Map;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rule that keeps re-firing must not hang a request or the service. (The scenario gate would
 * have refused this rule set; it is switched off here to get a looping rule set serving at all.)
 */
@QuarkusTest
@TestProfile(RunawayRuleTest.LoopingRules.class)
class RunawayRuleTest {
    public static class LoopingRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = TempRules.copyOfProjectRules();
            TempRules.write(dir, "zhejiang/suichang/loop.drl", TempRules.LOOPING_MEASURE);
            return Map.of("policy.rules.dir", dir.toString(), "policy.rules.require-passing-scenarios", "false");
        }
    }

    @Test
    @Timeout(30)
    void theEvaluationStopsWithAProblemNamingTheMeasureAndTheServiceStaysReady() {
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").body("{\"profile\": {\"employees\": 5}}")
                    .when().post("/api/v1/eligibility")
                    .then().statusCode(500).contentType("application/problem+json")
                    .body("title", containsString("Rule firing limit"))
                    .body("detail", containsString("measure LOOP-TEST"))
                    .body("detail", containsString("LOOP-TEST / loops"));
        }
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        Management.given().when().get("/q/health/live").then().statusCode(200);
    }
}
