package org.huiqi.impact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Impact runs through the admin API: a background job, its report or the draft's errors, and the serving rule set untouched. */
@QuarkusTest
@TestProfile(ImpactAgainstBatchTest.Served.class)
class ImpactJobApiTest {
    static final String ADMIN = "Bearer " + ImpactAgainstBatchTest.ADMIN_KEY;
    static final String POPULATION = ImpactFixtures.NAME;

    @Test
    void aBrokenDraftEndsWithItsFileAndLineErrorsAndTheServingRuleSetStays() {
        String serving = servingVersion();
        String broken = "package guangxi.wuzhou\n\nrule \"WZ-XSG\"\nwhen\n    $e : Enterprise(\nthen\nend\n";
        String id = given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("files", Map.of("guangxi/wuzhou/xsg.drl", broken)))
                .queryParam("population", POPULATION).queryParam("asOf", "2025-06-01")
                .when().post("/api/v1/admin/impact")
                .then().statusCode(202).header("Location", containsString("/api/v1/admin/impact/")).extract().path("id");
        JsonPath job = await(id);
        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getList("errors", String.class)).isNotEmpty()
                .allSatisfy(e -> assertThat(e).matches("guangxi/wuzhou/xsg\\.drl:[1-9]\\d*:\\d+: .+"));
        assertThat(servingVersion()).isEqualTo(serving);
    }

    @Test
    void aZippedDraftRunsInTheBackgroundAndReportsWhatItChanges() throws IOException {
        String serving = servingVersion();
        byte[] zip = zipOf(ImpactAgainstBatchTest.BASELINE, "rules/", Map.of("guangdong/xsg-2025-amounts.table.csv",
                read(ImpactAgainstBatchTest.BASELINE.resolve("guangdong/xsg-2025-amounts.table.csv")).replace("pearl-river-delta,5,", "pearl-river-delta,8,")));
        String id = given().header("Authorization", ADMIN).contentType("application/zip").body(zip)
                .queryParam("population", POPULATION).queryParam("asOf", "2025-06-01")
                .when().post("/api/v1/admin/impact").then().statusCode(202).extract().path("id");
        JsonPath job = await(id);
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("DONE");
        assertThat(job.getLong("report.population")).isEqualTo(job.getLong("done"));
        assertThat(job.getString("report.baseline.version")).isEqualTo(serving);
        Map<String, Object> xsg = job.getMap("report.measures.find { it.measureId == 'GD-XSG-2025' }");
        assertThat(((Number) xsg.get("amountChanged")).longValue()).isPositive();
        assertThat(job.getList("report.changes.findAll { it.id == 'FIXTURE-zhaoqing-xsg' }.amountAfter", Number.class))
                .extracting(Number::intValue).containsExactly(8);
        assertThat(servingVersion()).as("a draft never serves").isEqualTo(serving);
    }

    @Test
    void anArchiveEntryPointingOutsideTheRulesDirectoryIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../../etc/evil.drl"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        given().header("Authorization", ADMIN).contentType("application/zip").body(bytes.toByteArray())
                .queryParam("population", POPULATION).when().post("/api/v1/admin/impact")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("outside the rules directory"));
    }

    @Test
    void anArchiveThatUnpacksBeyondTheLimitIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("bomb.drl"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 30; i++) zip.write(zeros); // 30 MB of zeros: some 30 KB zipped
            zip.closeEntry();
        }
        given().header("Authorization", ADMIN).contentType("application/zip").body(bytes.toByteArray())
                .queryParam("population", POPULATION).when().post("/api/v1/admin/impact")
                .then().statusCode(413).body("detail", containsString("policy.impact.max-draft-bytes"));
    }

    @Test
    void anUnknownPopulationIsNamed() {
        given().header("Authorization", ADMIN).contentType("application/json").body(Map.of("deleted", List.of()))
                .queryParam("population", "../secrets.ndjson").when().post("/api/v1/admin/impact")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.is("population"))
                .body("errors[0].message", containsString(POPULATION));
        given().header("Authorization", ADMIN).when().get("/api/v1/admin/impact/populations")
                .then().statusCode(200).body("populations", org.hamcrest.Matchers.contains(POPULATION));
    }

    @Test
    void impactRunsNeedTheAdminKey() {
        given().contentType("application/json").body(Map.of("deleted", List.of())).queryParam("population", POPULATION)
                .when().post("/api/v1/admin/impact").then().statusCode(401);
        given().header("Authorization", "Bearer " + ImpactAgainstBatchTest.INTEGRATION_KEY).when().get("/api/v1/admin/impact/populations")
                .then().statusCode(403);
    }

    static JsonPath await(String id) {
        return await(ADMIN, id);
    }

    /** The job once it is DONE or FAILED, as the caller with {@code authorization} sees it. */
    static JsonPath await(String authorization, String id) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonPath job = given().header("Authorization", authorization).when().get("/api/v1/admin/impact/" + id)
                    .then().statusCode(200).extract().jsonPath();
            String state = job.getString("state");
            if (state.equals("DONE") || state.equals("FAILED")) return job;
            assertThat(System.nanoTime()).as("impact job still " + state).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static String servingVersion() {
        return given().when().get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    /** The rules directory as staff would zip it: inside a top folder, with some files replaced. */
    static byte[] zipOf(Path dir, String top, Map<String, String> replaced) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(top + relative));
                zip.write(replaced.containsKey(relative) ? replaced.get(relative).getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
