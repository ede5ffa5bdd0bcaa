package org.huiqi.impact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.huiqi.api.access.ApiKeys;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/**
 * The impact of three kinds of draft — a measure removed, a threshold raised, an amount table
 * changed — equals what the batch API answers for the same population before and after the same
 * edit is made live. The batch results are added up here, independently of the impact code.
 */
@QuarkusTest
@TestProfile(ImpactAgainstBatchTest.Served.class)
class ImpactAgainstBatchTest {
    static final Path BASELINE = TempRules.copyOfProjectRules();
    static final Path SERVED = TempRules.copyOfProjectRules();
    static final Path POPULATIONS = ImpactFixtures.populationDir(120);
    static final String ADMIN_KEY = "impact-admin-key";
    static final String INTEGRATION_KEY = "impact-integration-key";
    static final String AS_OF = "2025-06-01";
    static final ObjectMapper JSON = new ObjectMapper();

    public static class Served implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policy.rules.dir", SERVED.toString(),
                    // a draft that raises a threshold fails the scenarios written for the old one; it must still go live here
                    "policy.rules.require-passing-scenarios", "false",
                    "policy.impact.populations", POPULATIONS.toString(),
                    "policy.api-keys", "ops:" + ApiKeys.hashOf(ADMIN_KEY) + ":admin,registry:" + ApiKeys.hashOf(INTEGRATION_KEY) + ":integration");
        }
    }

    @Test
    void removingAMeasure() throws Exception {
        compare("guangxi/wuzhou/xsg.drl", dir -> delete(dir.resolve("guangxi/wuzhou/xsg.drl")), report -> {
            JsonNode removed = measure(report, "WZ-XSG");
            assertThat(removed.path("presence").asText()).isEqualTo("REMOVED");
            assertThat(removed.path("noLongerEligible").asLong()).as("the population has Wuzhou enterprises newly above scale").isPositive();
            assertThat(removed.path("after").path("ABSENT").asLong()).isEqualTo(report.path("population").asLong());
        });
    }

    @Test
    void raisingAThreshold() throws Exception {
        String file = "national/statistics/above-scale-threshold.drl";
        compare(file, dir -> replace(dir.resolve(file), "mainBusinessRevenue(), 2000)", "mainBusinessRevenue(), 3000)"), report ->
                assertThat(measure(report, "CN-ABOVE-SCALE-THRESHOLD").path("noLongerEligible").asLong()).isPositive());
    }

    @Test
    void changingAnAmountTable() throws Exception {
        String file = "guangdong/xsg-2025-amounts.table.csv";
        compare(file, dir -> replace(dir.resolve(file), "pearl-river-delta,5,", "pearl-river-delta,8,"), report -> {
            JsonNode xsg = measure(report, "GD-XSG-2025");
            assertThat(xsg.path("amountChanged").asLong()).isPositive();
            assertThat(xsg.path("amountAfter").path("total").decimalValue())
                    .isGreaterThan(xsg.path("amountBefore").path("total").decimalValue());
        });
    }

    /** Makes the edit live, asks the batch API, runs the impact command on the same edit, and compares. */
    private void compare(String file, Consumer<Path> edit, Consumer<JsonNode> alsoCheck) throws Exception {
        restore(file);
        reload();
        Batch before = batch();
        edit.accept(SERVED);
        try {
            reload();
            Batch after = batch();
            JsonNode report = impact(BASELINE, SERVED);
            assertThat(report.path("baseline").path("version").asText()).isEqualTo(before.version);
            assertThat(report.path("draft").path("version").asText()).as("the batch ran on the same draft").isEqualTo(after.version);
            assertThat(report.path("population").asLong()).isEqualTo(before.items.size());
            for (JsonNode measure : report.path("measures")) {
                String id = measure.path("measureId").asText();
                Expected expected = Expected.of(id, before, after);
                assertThat(counts(measure.path("before"))).as(id + " before").isEqualTo(expected.before);
                assertThat(counts(measure.path("after"))).as(id + " after").isEqualTo(expected.after);
                assertThat(measure.path("newlyEligible").asLong()).as(id + " newly eligible").isEqualTo(expected.newly);
                assertThat(measure.path("noLongerEligible").asLong()).as(id + " no longer eligible").isEqualTo(expected.noLonger);
                assertThat(amounts(measure.path("amountBefore"))).as(id + " amounts before").isEqualTo(normal(expected.amountBefore));
                assertThat(amounts(measure.path("amountAfter"))).as(id + " amounts after").isEqualTo(normal(expected.amountAfter));
            }
            long changedPairs = report.path("measures").findValues("measureId").stream()
                    .mapToLong(id -> Expected.of(id.asText(), before, after).changed).sum();
            assertThat(report.path("changeCount").asLong()).isEqualTo(changedPairs);
            alsoCheck.accept(report);
        } finally {
            restore(file);
            reload();
        }
    }

    private static JsonNode impact(Path baseline, Path draft) throws IOException {
        Path out = Files.createTempFile("impact-", ".json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImpactCommands.run(new String[]{"impact", "--baseline", baseline.toString(), "--draft", draft.toString(),
                "--population", ImpactFixtures.population(POPULATIONS).toString(), "--format", "json", "--out", out.toString(),
                "--as-of", AS_OF}, new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JSON.readTree(out.toFile());
    }

    /** What the batch API said: per item, per measure, its results. */
    record Batch(String version, Map<String, Map<String, List<JsonNode>>> items) {
    }

    private static Batch batch() throws IOException {
        StringBuilder body = new StringBuilder();
        for (String line : Files.readAllLines(ImpactFixtures.population(POPULATIONS))) {
            ObjectNode item = (ObjectNode) JSON.readTree(line);
            item.put("asOf", AS_OF);
            body.append(item).append('\n');
        }
        Response response = given().header("Authorization", "Bearer " + INTEGRATION_KEY).contentType("application/x-ndjson")
                .accept("application/x-ndjson").body(body.toString().getBytes(StandardCharsets.UTF_8)).queryParam("view", "summary")
                .when().post("/api/v1/eligibility/batch");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Map<String, List<JsonNode>>> items = new TreeMap<>();
        for (String line : response.asString().split("\n")) {
            JsonNode result = JSON.readTree(line);
            if (result.has("end")) continue;
            assertThat(result.has("error")).as(line).isFalse();
            Map<String, List<JsonNode>> byMeasure = new HashMap<>();
            for (JsonNode r : result.path("summary").path("results")) {
                byMeasure.computeIfAbsent(r.path("measureId").asText(), k -> new java.util.ArrayList<>()).add(r);
            }
            items.put(result.path("id").asText(), byMeasure);
        }
        return new Batch(response.header("Ruleset-Version"), items);
    }

    /** The counts and sums the report should hold for one measure, from the batch results. */
    static final class Expected {
        final Map<String, Long> before = new TreeMap<>();
        final Map<String, Long> after = new TreeMap<>();
        final List<BigDecimal> amountBefore = zeros();
        final List<BigDecimal> amountAfter = zeros();
        long newly;
        long noLonger;
        long changed;

        static Expected of(String measureId, Batch was, Batch is) {
            Expected e = new Expected();
            for (String id : was.items.keySet()) {
                List<JsonNode> b = was.items.get(id).getOrDefault(measureId, List.of());
                List<JsonNode> a = is.items.get(id).getOrDefault(measureId, List.of());
                String sb = status(b);
                String sa = status(a);
                e.before.merge(sb, 1L, Long::sum);
                e.after.merge(sa, 1L, Long::sum);
                if (!sb.equals("ELIGIBLE") && sa.equals("ELIGIBLE")) e.newly++;
                if (sb.equals("ELIGIBLE") && !sa.equals("ELIGIBLE")) e.noLonger++;
                BigDecimal amountB = add(e.amountBefore, b);
                BigDecimal amountA = add(e.amountAfter, a);
                boolean amountMoved = sb.equals("ELIGIBLE") && sa.equals("ELIGIBLE")
                        && (amountB == null ? amountA != null : amountA == null || amountB.compareTo(amountA) != 0);
                if (!sb.equals(sa) || amountMoved) e.changed++;
            }
            return e;
        }

        /** An enterprise has a measure's best status over its results; none at all is ABSENT. */
        private static String status(List<JsonNode> results) {
            for (String s : List.of("ELIGIBLE", "NEEDS_INFO", "NOT_ELIGIBLE")) {
                if (results.stream().anyMatch(r -> r.path("status").asText().equals(s))) return s;
            }
            return "ABSENT";
        }

        /**
         * Adds the eligible results' amounts to [total, confirmed, unconfirmed, ceilings]: a ceiling (UP_TO) is only a
         * ceiling; others go to the total and to confirmed or unconfirmed. Returns the enterprise's sum (null: none known).
         */
        private static BigDecimal add(List<BigDecimal> sums, List<JsonNode> results) {
            BigDecimal own = null;
            for (JsonNode r : results) {
                if (!r.path("status").asText().equals("ELIGIBLE") || r.path("amount").isNull() || r.path("amount").isMissingNode()) continue;
                BigDecimal amount = r.path("amount").decimalValue();
                own = own == null ? amount : own.add(amount);
                if (r.path("basis").asText().equals("UP_TO")) {
                    sums.set(3, sums.get(3).add(amount));
                    continue;
                }
                sums.set(0, sums.get(0).add(amount));
                int kind = r.path("confirmed").asBoolean() ? 1 : 2;
                sums.set(kind, sums.get(kind).add(amount));
            }
            return own;
        }

        private static List<BigDecimal> zeros() {
            return new java.util.ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        }
    }

    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> map = new TreeMap<>();
        counts.fields().forEachRemaining(e -> {
            if (e.getValue().asLong() > 0) map.put(e.getKey(), e.getValue().asLong());
        });
        return map;
    }

    private static List<BigDecimal> amounts(JsonNode amounts) {
        return List.of(amounts.path("total").decimalValue(), amounts.path("confirmed").decimalValue(), amounts.path("unconfirmed").decimalValue(),
                        amounts.path("ceilings").decimalValue())
                .stream().map(ImpactAgainstBatchTest::normal).toList();
    }

    private static List<BigDecimal> normal(List<BigDecimal> values) {
        return values.stream().map(ImpactAgainstBatchTest::normal).toList();
    }

    private static BigDecimal normal(BigDecimal value) {
        return value.stripTrailingZeros();
    }

    static JsonNode measure(JsonNode report, String id) {
        for (JsonNode m : report.path("measures")) if (m.path("measureId").asText().equals(id)) return m;
        throw new AssertionError("no measure " + id + " in the report");
    }

    private static void reload() {
        given().header("Authorization", "Bearer " + ADMIN_KEY).when().post("/api/v1/admin/ruleset/reload")
                .then().statusCode(200);
        assertThat(given().when().get("/api/v1/ruleset").jsonPath().getString("lastReload.status")).isIn("ACTIVATED", "UNCHANGED");
    }

    private static void restore(String file) {
        try {
            Files.createDirectories(SERVED.resolve(file).getParent());
            Files.copy(BASELINE.resolve(file), SERVED.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            assertThat(text).contains(from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
