package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.huiqi.api.access.ApiKeys;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/** Staff edit rule files while the service runs: good edits go live, bad ones never replace a good rule set. */
@QuarkusTest
@TestProfile(LiveReloadTest.WatchedRules.class)
class LiveReloadTest {
    static final Path DIR = TempRules.copyOfProjectRules();
    static final String ADMIN_KEY = "admin-key-for-tests";
    static final String INTEGRATION_KEY = "integration-key-for-tests";
    /** The promise to staff: a good edit is live within this. */
    static final Duration LIVE_WITHIN = Duration.ofSeconds(5);
    /** For the states around it (a failed build, a restored file), where a busy machine may be slower. */
    static final Duration SETTLES_WITHIN = Duration.ofSeconds(30);

    public static class WatchedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policy.rules.dir", DIR.toString(),
                    "policy.rules.debounce", "PT0.2S",
                    "policy.api-keys", "ops:" + ApiKeys.hashOf(ADMIN_KEY) + ":admin,registry:" + ApiKeys.hashOf(INTEGRATION_KEY) + ":integration");
        }
    }

    @Test
    void anEditedRuleFileGoesLiveWithinFiveSeconds() {
        String before = ruleSet().getString("version");
        TempRules.write(DIR, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);
        try {
            JsonPath after = awaitRuleSet(rs -> !rs.getString("version").equals(before), LIVE_WITHIN);
            assertThat(after.getList("files", String.class)).contains("zhejiang/suichang/extra.drl");
            given().when().get("/api/v1/measures/TEST-EXTRA-AWARD").then().statusCode(200);
        } finally {
            delete("zhejiang/suichang/extra.drl");
            awaitRuleSet(rs -> rs.getString("version").equals(before), SETTLES_WITHIN);
        }
    }

    @Test
    void theCatalogOfTheVersionAResultCameFromStaysReadableAfterAReload() {
        String before = ruleSet().getString("version");
        TempRules.write(DIR, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);
        try {
            String after = awaitRuleSet(rs -> !rs.getString("version").equals(before), LIVE_WITHIN).getString("version");
            given().queryParam("version", before).queryParam("asOf", "2025-06-01").when().get("/api/v1/measures")
                    .then().statusCode(200).body("ruleset.version", is(before))
                    .body("measures.id", hasItem("GD-XSG-2025")).body("measures.id", not(hasItem("TEST-EXTRA-AWARD")));
            given().queryParam("version", after).queryParam("asOf", "2025-06-01").when().get("/api/v1/measures")
                    .then().statusCode(200).body("ruleset.version", is(after)).body("measures.id", hasItem("TEST-EXTRA-AWARD"));
            given().queryParam("version", before).queryParam("region", "441200").when().get("/api/v1/measures")
                    .then().statusCode(400).body("errors[0].field", is("region"));
            given().queryParam("version", "sha256:" + "0".repeat(64)).when().get("/api/v1/measures")
                    .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("errors[0].field", is("version"));
        } finally {
            delete("zhejiang/suichang/extra.drl");
            awaitRuleSet(rs -> rs.getString("version").equals(before), SETTLES_WITHIN);
        }
    }

    @Test
    void aSyntaxErrorKeepsTheOldVersionServingAndNamesFileAndLine() throws Exception {
        Path file = DIR.resolve("guangxi/wuzhou/xsg.drl");
        String good = Files.readString(file);
        String serving = ruleSet().getString("version");
        int lines = good.split("\n", -1).length;
        Files.writeString(file, good + "\nrule \"WZ-XSG / broken\"\nwhen\n    $e : Enterprise(\nthen\nend\n");
        try {
            JsonPath failed = awaitRuleSet(rs -> "FAILED".equals(rs.getString("lastReload.status")), SETTLES_WITHIN);
            assertThat(failed.getString("version")).as("old version keeps serving").isEqualTo(serving);
            assertThat(failed.getString("lastReload.errors[0].file")).isEqualTo("guangxi/wuzhou/xsg.drl");
            assertThat(failed.getInt("lastReload.errors[0].line")).isBetween(lines + 1, lines + 6);
            given().contentType("application/json").body("{\"profile\": {\"regionCode\": \"450400\"}}")
                    .when().post("/api/v1/eligibility").then().statusCode(200).body("ruleset.version", is(serving));
            Management.given().when().get("/q/health/ready").then().statusCode(200);
            Files.writeString(file, good + "\n// 已修正 fixed\n");
            JsonPath fixed = awaitRuleSet(rs -> "ACTIVATED".equals(rs.getString("lastReload.status")), SETTLES_WITHIN);
            assertThat(fixed.getString("version")).as("the fixed file is a new version").isNotEqualTo(serving);
        } finally {
            Files.writeString(file, good);
        }
        awaitRuleSet(rs -> rs.getString("version").equals(serving), SETTLES_WITHIN);
    }

    @Test
    void aFailingScenarioBlocksActivation() throws Exception {
        Path file = DIR.resolve("guangxi/wuzhou/xsg.scenarios.yaml");
        String good = Files.readString(file);
        String serving = ruleSet().getString("version");
        Files.writeString(file, good.replace("WZ-XSG: {status: NEEDS_INFO, missing: [firstAboveScaleYear]}", "WZ-XSG: ELIGIBLE"));
        try {
            JsonPath failed = awaitRuleSet(rs -> "FAILED".equals(rs.getString("lastReload.status")), SETTLES_WITHIN);
            assertThat(failed.getString("version")).isEqualTo(serving);
            assertThat(failed.getString("lastReload.errors[0].file")).isEqualTo("guangxi/wuzhou/xsg.scenarios.yaml");
            assertThat(failed.getString("lastReload.errors[0].message"))
                    .contains("未填首次纳规年份", "expected ELIGIBLE, got NEEDS_INFO");
        } finally {
            Files.writeString(file, good);
        }
        awaitRuleSet(rs -> !"FAILED".equals(rs.getString("lastReload.status")), SETTLES_WITHIN);
    }

    @Test
    void reloadNeedsAnAdminKey() {
        given().when().post("/api/v1/admin/ruleset/reload")
                .then().statusCode(401).contentType("application/problem+json").body("detail", containsString("Bearer"));
        given().header("Authorization", "Bearer not-a-key").when().post("/api/v1/admin/ruleset/reload")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + INTEGRATION_KEY).when().post("/api/v1/admin/ruleset/reload")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("registry"));
        given().header("Authorization", "Bearer " + ADMIN_KEY).when().post("/api/v1/admin/ruleset/reload")
                .then().statusCode(200).body("status", is("UNCHANGED"));
    }

    @Test
    void theCatalogFollowsTheReload() {
        given().when().get("/api/v1/measures").then().statusCode(200).body("measures.id", hasItem("WZ-XSG"));
    }

    static JsonPath ruleSet() {
        return given().when().get("/api/v1/ruleset").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitRuleSet(Predicate<JsonPath> condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonPath latest = ruleSet();
        while (!condition.test(latest)) {
            assertThat(System.nanoTime()).as("rule set did not reach the expected state in " + within + ": "
                    + latest.prettify()).isLessThan(deadline);
            sleep(100);
            latest = ruleSet();
        }
        return latest;
    }

    private static void delete(String relative) {
        try {
            Files.deleteIfExists(DIR.resolve(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
