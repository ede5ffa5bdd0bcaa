package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.Map;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/** The service reads policy.rules.dir at run time: a measure added there is served, with no Java change. */
@QuarkusTest
@TestProfile(ExtraMeasureThroughTheApiTest.ExtraMeasure.class)
class ExtraMeasureThroughTheApiTest {
    public static class ExtraMeasure implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = TempRules.copyOfProjectRules();
            TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);
            return Map.of("policy.rules.dir", dir.toString());
        }
    }

    @Test
    void theNewMeasureIsInTheCatalogAndEvaluated() {
        given().when().get("/api/v1/measures").then().statusCode(200).body("measures.id", hasItem("TEST-EXTRA-AWARD"));
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-06-01\", \"profile\": {\"employees\": 50}}")
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'TEST-EXTRA-AWARD' }.status", is("ELIGIBLE"))
                .body("results.find { it.measureId == 'TEST-EXTRA-AWARD' }.benefit.amount", is(5));
    }
}
