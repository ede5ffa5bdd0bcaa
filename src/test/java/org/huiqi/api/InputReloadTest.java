package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/** An input declared in a saved *.inputs.yaml goes live with its rule file, like any other edit. */
@QuarkusTest
@TestProfile(LiveReloadTest.WatchedRules.class)
class InputReloadTest {
    private static final String BODY = "{\"asOf\": \"2025-06-01\", \"profile\": {\"regionCode\": \"450400\", \"inputs\": {\"copperOutputTonnes\": 1200}}}";

    @Test
    void aReloadThatAddsADeclaredInputMakesTheApiAcceptItAndTheFieldCatalogDescribeIt() throws Exception {
        String before = LiveReloadTest.ruleSet().getString("version");
        given().when().get("/api/v1/reference/fields").then().statusCode(200)
                .body("fields.find { it.path == 'inputs.copperOutputTonnes' }", nullValue());
        given().contentType("application/json").body(BODY).when().post("/api/v1/eligibility").then().statusCode(400)
                .body("errors[0].field", is("profile.inputs.copperOutputTonnes"));
        TempRules.addCopperMeasure(LiveReloadTest.DIR);
        try {
            LiveReloadTest.awaitRuleSet(rs -> !rs.getString("version").equals(before) && "ACTIVATED".equals(rs.getString("lastReload.status")),
                    LiveReloadTest.SETTLES_WITHIN);
            given().contentType("application/json").body(BODY).when().post("/api/v1/eligibility").then().statusCode(200)
                    .body("results.find { it.measureId == 'WZ-TEST-COPPER' }.status", is("ELIGIBLE"));
            given().when().get("/api/v1/reference/fields").then().statusCode(200)
                    .body("fields.find { it.path == 'inputs.copperOutputTonnes' }.section", is("inputs"))
                    .body("fields.find { it.path == 'inputs.copperOutputTonnes' }.type", is("dec"))
                    .body("fields.find { it.path == 'inputs.copperOutputTonnes' }.readBy", hasItem("Enterprise.input"));
        } finally {
            for (String suffix : new String[] {".drl", ".inputs.yaml", ".scenarios.yaml"}) {
                Files.deleteIfExists(LiveReloadTest.DIR.resolve("guangxi/wuzhou/test-copper" + suffix));
            }
            LiveReloadTest.awaitRuleSet(rs -> rs.getString("version").equals(before), LiveReloadTest.SETTLES_WITHIN);
        }
    }
}
