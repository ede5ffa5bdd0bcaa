package org.huiqi.impact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huiqi.api.access.ApiKeys;
import org.huiqi.api.openapi.SendsInvalidRequests;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/**
 * What an admin key cannot do to the service through impact runs: fill its memory with queued
 * drafts or kept reports, read the environment through what a rule throws, see another key's runs,
 * or get a 500 for a broken draft. Each test waits for its runs to end, so the next finds the queue empty.
 */
@QuarkusTest
@TestProfile(ImpactLimitsTest.Limits.class)
class ImpactLimitsTest {
    static final Path SERVED = TempRules.copyOfProjectRules();
    static final Path POPULATIONS = ImpactFixtures.populationDir(120);
    static final String ADMIN_KEY = "impact-limits-admin-key";
    static final String OTHER_ADMIN_KEY = "impact-limits-other-admin-key";
    static final int MAX_QUEUED = 1;
    static final int MAX_DRAFT_BYTES = 200_000;
    static final int MAX_CHANGES_LISTED = 2;

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policy.rules.dir", SERVED.toString(),
                    "policy.impact.populations", POPULATIONS.toString(),
                    "policy.impact.max-queued", String.valueOf(MAX_QUEUED),
                    "policy.impact.max-draft-bytes", String.valueOf(MAX_DRAFT_BYTES),
                    "policy.impact.max-changes-listed", String.valueOf(MAX_CHANGES_LISTED),
                    "policy.api-keys", "ops:" + ApiKeys.hashOf(ADMIN_KEY) + ":admin,auditor:" + ApiKeys.hashOf(OTHER_ADMIN_KEY) + ":admin");
        }
    }

    @Test
    void aRunBeyondTheQueueIsRefusedWith429AndRetryAfter() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i <= MAX_QUEUED + 1; i++) answers.add(post(ADMIN_KEY, Map.of("deleted", List.of("guangxi/wuzhou/xsg.drl"))));
        try {
            assertThat(answers.get(0).statusCode()).isEqualTo(202);
            Response refused = answers.get(answers.size() - 1);
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("detail")).contains("policy.impact.max-queued");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        } finally {
            answers.stream().filter(a -> a.statusCode() == 202).forEach(a -> await(ADMIN_KEY, a.path("id")));
        }
    }

    @Test
    void aJsonDraftLargerThanTheDraftLimitIsRefused() {
        String big = "// " + "x".repeat(MAX_DRAFT_BYTES) + "\n";
        post(ADMIN_KEY, Map.of("files", Map.of("guangxi/wuzhou/notes.drl", big)))
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("policy.impact.max-draft-bytes"));
    }

    @Test
    @SendsInvalidRequests
    void nullInAJsonDraftIsA400NamingTheField() {
        Map<String, String> files = new HashMap<>();
        files.put("guangxi/wuzhou/xsg.drl", null);
        post(ADMIN_KEY, Map.of("files", files))
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("files.guangxi/wuzhou/xsg.drl"));
        List<String> deleted = new ArrayList<>();
        deleted.add(null);
        post(ADMIN_KEY, Map.of("deleted", deleted))
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("deleted[0]"));
    }

    @Test
    void aCorruptZipOrGzipIsA400Problem() throws IOException {
        byte[] zip = zipOf("rules/guangxi/wuzhou/xsg.drl", Files.readString(SERVED.resolve("guangxi/wuzhou/xsg.drl")));
        for (int i = 60; i < zip.length - 40; i++) zip[i] ^= 0x5a; // the compressed data, past the local header
        given().header("Authorization", "Bearer " + ADMIN_KEY).contentType("application/zip").body(zip)
                .queryParam("population", ImpactFixtures.NAME).when().post("/api/v1/admin/impact")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("not a readable zip archive"));
        byte[] gzip = {0x1f, (byte) 0x8b, 0x7f, 1, 2, 3, 4, 5, 6, 7};
        given().header("Authorization", "Bearer " + ADMIN_KEY).contentType("application/gzip").body(gzip)
                .queryParam("population", ImpactFixtures.NAME).when().post("/api/v1/admin/impact")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("not a readable gzip archive"));
    }

    @Test
    void aRunIsSeenOnlyByTheKeyThatStartedIt() {
        String id = post(ADMIN_KEY, Map.of("deleted", List.of())).then().statusCode(202).extract().path("id");
        try {
            given().header("Authorization", "Bearer " + OTHER_ADMIN_KEY).when().get("/api/v1/admin/impact/" + id)
                    .then().statusCode(404).contentType("application/problem+json");
        } finally {
            await(ADMIN_KEY, id);
        }
    }

    @Test
    void aReportListsTheFirstChangesAndCountsThemAll() {
        String file = "national/statistics/above-scale-threshold.drl";
        String raised = read(file).replace("mainBusinessRevenue(), 2000)", "mainBusinessRevenue(), 3000)");
        String id = post(ADMIN_KEY, Map.of("files", Map.of(file, raised))).then().statusCode(202).extract().path("id");
        JsonPath job = await(ADMIN_KEY, id);
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("DONE");
        assertThat(job.getLong("report.changeCount")).as("the draft changes many").isGreaterThan(MAX_CHANGES_LISTED);
        List<Integer> lines = job.getList("report.changes.line", Integer.class);
        assertThat(lines).hasSize(MAX_CHANGES_LISTED).isSorted();
    }

    @Test
    void whatARuleThrowsNeverReachesTheJob() {
        // Written so that it holds whether or not the compiler refuses System.getenv: then the job fails
        // to build, and its errors must still not hold the environment.
        String file = "guangxi/wuzhou/xsg.drl";
        String throwing = read(file).replace("decide(drools, $e.locatedIn(\"450400\"));",
                "if (true) throw new RuntimeException(\"LEAK\" + \"-MARKER \" + System.getenv().toString());");
        assertThat(throwing).as("the rule was found").contains("LEAK");
        String id = post(ADMIN_KEY, Map.of("files", Map.of(file, throwing))).then().statusCode(202).extract().path("id");
        JsonPath done = await(ADMIN_KEY, id);
        String job = done.prettify();
        if (done.getString("state").equals("DONE")) {
            assertThat(done.getString("report.rejected[0].error")).as("the rule threw, and is named").startsWith(RuleFailure.GENERIC)
                    .contains("WZ-XSG / region");
        }
        assertThat(job).doesNotContain("LEAK-MARKER");
        String path = System.getenv("PATH");
        if (path != null) assertThat(job).doesNotContain(path);
        assertThat(job).doesNotContain("PATH=");
        given().contentType("application/json").body(Map.of("profile", Map.of("regionCode", "450400")))
                .when().post("/api/v1/eligibility").then().statusCode(200);
    }

    @Test
    void aRuleThatThrowsAnErrorEndsItsRunAndFreesItsPlace() {
        String file = "guangxi/wuzhou/xsg.drl";
        String throwing = read(file).replace("decide(drools, $e.locatedIn(\"450400\"));",
                "if (true) throw new AssertionError(\"LEAK\" + \"-MARKER\");");
        String id = post(ADMIN_KEY, Map.of("files", Map.of(file, throwing))).then().statusCode(202).extract().path("id");
        assertThat(await(ADMIN_KEY, id).prettify()).doesNotContain("LEAK-MARKER");
        String next = post(ADMIN_KEY, Map.of("deleted", List.of())).then().statusCode(202).extract().path("id");
        await(ADMIN_KEY, next);
    }

    @Test
    void theLocationIsAPathNotBuiltFromTheHostHeader() {
        Response started = given().header("Authorization", "Bearer " + ADMIN_KEY).header("Host", "evil.example")
                .contentType("application/json").body(Map.of("deleted", List.of()))
                .queryParam("population", ImpactFixtures.NAME).when().post("/api/v1/admin/impact");
        try {
            started.then().statusCode(202).header("Location", not(containsString("evil.example")))
                    .header("Location", is("/api/v1/admin/impact/" + started.path("id")));
        } finally {
            await(ADMIN_KEY, started.path("id"));
        }
    }

    private static Response post(String key, Object draft) {
        return given().header("Authorization", "Bearer " + key).contentType("application/json").body(draft)
                .queryParam("population", ImpactFixtures.NAME).queryParam("asOf", "2025-06-01")
                .when().post("/api/v1/admin/impact");
    }

    static JsonPath await(String key, String id) {
        return ImpactJobApiTest.await("Bearer " + key, id);
    }

    private static String read(String file) {
        try {
            return Files.readString(SERVED.resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] zipOf(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
