package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.util.Map;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/**
 * A measure that needs a figure the profile has no field for declares it beside its rule file
 * (test-copper.inputs.yaml); enterprises answer it under profile.inputs, with no Java release.
 */
@QuarkusTest
@TestProfile(DeclaredInputApiTest.CopperMeasure.class)
class DeclaredInputApiTest {
    public static class CopperMeasure implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = TempRules.copyOfProjectRules();
            TempRules.addCopperMeasure(dir);
            return Map.of("policy.rules.dir", dir.toString());
        }
    }

    private static ValidatableResponse post(String inputs) {
        return given().contentType(ContentType.JSON)
                .body("{\"asOf\": \"2025-06-01\", \"profile\": {\"regionCode\": \"450400\"" + inputs + "}}")
                .when().post("/api/v1/eligibility").then();
    }

    @Test
    void aKnownAnswerDecidesTheMeasure() {
        post(", \"inputs\": {\"copperOutputTonnes\": 1200}").statusCode(200)
                .body("results.find { it.measureId == 'WZ-TEST-COPPER' }.status", is("ELIGIBLE"))
                .body("results.find { it.measureId == 'WZ-TEST-COPPER' }.benefit.amount", is(12));
        post(", \"inputs\": {\"copperOutputTonnes\": 999.5}").statusCode(200)
                .body("results.find { it.measureId == 'WZ-TEST-COPPER' }.status", is("NOT_ELIGIBLE"));
    }

    @Test
    void anAbsentAnswerIsUnknownAndNamedAsMissing() {
        post("").statusCode(200)
                .body("results.find { it.measureId == 'WZ-TEST-COPPER' }.status", is("NEEDS_INFO"))
                .body("results.find { it.measureId == 'WZ-TEST-COPPER' }.missingFields", contains("inputs.copperOutputTonnes"));
    }

    @Test
    void aWrongTypeOrAnUndeclaredInputIsA400NamingTheField() {
        post(", \"inputs\": {\"copperOutputTonnes\": \"1200\"}").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", is("profile.inputs.copperOutputTonnes"))
                .body("errors[0].message", containsString("number"));
        post(", \"inputs\": {\"copperTonnes\": 1200}").statusCode(400)
                .body("errors[0].field", is("profile.inputs.copperTonnes"));
    }
}
