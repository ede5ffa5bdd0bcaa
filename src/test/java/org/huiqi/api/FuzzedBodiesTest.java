package org.huiqi.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 10,000 bodies made by mutating valid requests (seeded, so a failure is reproducible): values
 * swapped for hostile ones (nulls, extreme or malformed numbers and dates, long strings, nulls in
 * lists, long lists), fields dropped, duplicated or invented, text cut or corrupted. Every answer
 * is a 2xx or a 4xx problem document — never a 5xx, never a stack trace.
 */
@QuarkusTest
class FuzzedBodiesTest {
    static final int BODIES = 10_000;
    static final long SEED = Long.getLong("fuzz.seed", 20261123L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEEP = "<deep>";
    private static final String[] SEEDS = {
            EligibilityApiTest.AT_THRESHOLDS,
            """
            {"asOf": "2025-06-01", "profile": {"regionCode": "331123", "industryCode": "C3441",
              "certifications": [{"type": "HIGH_TECH_ENTERPRISE", "recognizedOn": "2024-03-01"}],
              "financials": {"2024": {"taxableProfit": 600}}, "equityFinancing": {"2024": 0},
              "ip": {"classI": 3, "classII": 6}, "awards": [{"kind": "SCIENCE_TECHNOLOGY", "level": "PROVINCIAL", "year": 2024}],
              "quarterlyOutput": [{"year": 2024, "quarter": 1, "output": 6000}], "parks": ["wuzhou-circular-economy-park"],
              "projects": [{"id": "land1", "kind": "MANUFACTURING", "regionCode": "331123", "industrialLandByListing": true,
                "commitmentSystem": true, "buildingType": "STANDARD_FACTORY", "buildingAreaM2": 4800, "totalInvestment": 15000}]}}
            """};

    @TestHTTPResource("/api/v1/eligibility")
    URI eligibility;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void noMutatedBodyGetsA5xxOrAStackTrace() throws Exception {
        Random random = new Random(SEED);
        List<String> bodies = new ArrayList<>(BODIES);
        for (int i = 0; i < BODIES; i++) bodies.add(mutate(random, SEEDS[random.nextInt(SEEDS.length)]));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        Map<Integer, Integer> statuses = new TreeMap<>();
        try {
            List<Future<String>> failures = new ArrayList<>();
            for (String body : bodies) {
                failures.add(senders.submit(() -> {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(eligibility)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    synchronized (statuses) {
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                    }
                    String answer = response.body();
                    boolean bad = response.statusCode() >= 500
                            || response.statusCode() >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE)
                            || answer.contains("Exception") || answer.contains("\tat ") || answer.contains("at org.");
                    return bad ? response.statusCode() + " for " + body + "\n  -> " + answer : null;
                }));
            }
            for (Future<String> failure : failures) assertThat(failure.get()).isNull();
        } finally {
            senders.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        System.out.printf("fuzz: %d bodies in %d s, statuses %s (seed %d)%n", BODIES, seconds, statuses, SEED);
        assertThat(statuses.keySet()).as("both accepted and refused bodies were generated").contains(200, 400);
    }

    static String mutate(Random random, String seed) throws Exception {
        JsonNode root = JSON.readTree(seed);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object) mutateObject(random, object);
            else if (target instanceof ArrayNode array) mutateArray(random, array);
        }
        String text = JSON.writeValueAsString(root).replace("\"" + DEEP + "\"", "[".repeat(1500) + "]".repeat(1500));
        return switch (random.nextInt(20)) {
            case 0 -> text.substring(0, random.nextInt(text.length())); // cut off
            case 1 -> duplicateAField(random, text);
            case 2 -> {
                int at = random.nextInt(text.length());
                yield text.substring(0, at) + "\"{[:,\\\u0000\uD800".charAt(random.nextInt(8)) + text.substring(at);
            }
            default -> text;
        };
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (JsonNode child : node) collect(child, into);
        }
    }

    private static void mutateObject(Random random, ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        int action = random.nextInt(10);
        if (names.isEmpty() || action == 0) {
            object.set(random.nextBoolean() ? "unknownField" : "2024", hostile(random));
        } else if (action == 1) {
            object.remove(names.get(random.nextInt(names.size())));
        } else {
            object.set(names.get(random.nextInt(names.size())), hostile(random));
        }
    }

    private static void mutateArray(Random random, ArrayNode array) {
        if (!array.isEmpty() && random.nextBoolean()) array.set(random.nextInt(array.size()), hostile(random));
        else array.add(hostile(random));
    }

    private static String duplicateAField(Random random, String text) {
        int colon = text.indexOf("\":", random.nextInt(text.length()));
        if (colon < 0) return text;
        int open = text.lastIndexOf('"', colon - 1);
        return open < 0 ? text : text.substring(0, colon + 2) + "1,\"" + text.substring(open + 1, colon) + "\":" + text.substring(colon + 2);
    }

    static JsonNode hostile(Random random) {
        return switch (random.nextInt(24)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(new java.math.BigDecimal("1e" + (random.nextBoolean() ? "" : "-") + (1 + random.nextInt(1_000_000_000))));
            case 2 -> NODES.numberNode(new java.math.BigDecimal(random.nextInt(2) == 0 ? "999999999999.9999999999" : "1000000000000"));
            case 3 -> NODES.numberNode(-random.nextInt(1000));
            case 4 -> NODES.numberNode(random.nextInt());
            case 5 -> NODES.numberNode(random.nextDouble() * 1000);
            case 6 -> NODES.numberNode(Long.MAX_VALUE);
            case 7 -> NODES.textNode("x".repeat(random.nextInt(1000)));
            case 8 -> NODES.textNode(new String[] {"+999999999-12-31", "1948-12-31", "2100-12-31", "2025-02-30", "0000-01-01", "2101-01-01"}[random.nextInt(6)]);
            case 9 -> NODES.textNode(new String[] {"441200", "SPECIALIZED_SME", "MANUFACTURING", "", "2024", "A"}[random.nextInt(6)]);
            case 10 -> NODES.booleanNode(random.nextBoolean());
            case 11 -> NODES.arrayNode();
            case 12 -> NODES.arrayNode().add(NODES.nullNode());
            case 13 -> NODES.objectNode();
            case 14 -> {
                ArrayNode many = NODES.arrayNode();
                int count = 90 + random.nextInt(20);
                for (int i = 0; i < count; i++) many.add(NODES.objectNode());
                yield many;
            }
            case 15 -> NODES.textNode(DEEP); // replaced by nesting deeper than the reader allows, below
            case 16 -> NODES.objectNode().put("2024", 1).put("1948", 1);
            case 17 -> NODES.objectNode().set("2024", NODES.objectNode().put("operatingRevenue", random.nextInt(100_000)));
            case 18 -> NODES.numberNode(new java.math.BigDecimal("0.00000000001"));
            case 19 -> NODES.objectNode().put("type", "HIGH_TECH_ENTERPRISE").put("recognizedOn", "2024-03-01");
            case 20 -> NODES.objectNode().put("id", "p").put("kind", "ENERGY_STORAGE").put("totalInvestment", 1e11);
            default -> NODES.numberNode(random.nextInt(100_000));
        };
    }
}
