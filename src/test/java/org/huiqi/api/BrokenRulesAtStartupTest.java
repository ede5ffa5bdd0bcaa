package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.Map;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/** A rules directory that does not compile: the service runs, says why, and does not report ready. */
@QuarkusTest
@TestProfile(BrokenRulesAtStartupTest.BrokenRules.class)
class BrokenRulesAtStartupTest {
    public static class BrokenRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = TempRules.copyOfProjectRules();
            TempRules.write(dir, "guangdong/broken.drl", "package guangdong\n\nrule \"oops\"\nwhen\n    String(\nthen\nend\n");
            return Map.of("policy.rules.dir", dir.toString());
        }
    }

    @Test
    void notReadyAndTheErrorNamesFileAndLine() {
        Management.given().when().get("/q/health/ready").then().statusCode(503);
        Management.given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/api/v1/ruleset").then().statusCode(200)
                .body("version", nullValue())
                .body("lastReload.status", is("FAILED"))
                .body("lastReload.errors[0].file", is("guangdong/broken.drl"))
                .body("lastReload.errors", hasSize(1))
                .body("lastReload.errors[0].line", is(7))
                .body("lastReload.errors[0].message", containsString("mismatched input 'end'"));
    }

    @Test
    void evaluationsSayThereIsNoRuleSetYet() {
        given().contentType(ContentType.JSON).body("{\"profile\": {}}")
                .when().post("/api/v1/eligibility")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("no rule set"));
    }
}
