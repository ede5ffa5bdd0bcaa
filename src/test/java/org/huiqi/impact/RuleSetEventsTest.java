package org.huiqi.impact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An integrator listening on /api/v1/ruleset/events hears of a rule edit once it is live. */
@QuarkusTest
@TestProfile(ImpactAgainstBatchTest.Served.class)
class RuleSetEventsTest {
    @TestHTTPResource("/api/v1/ruleset/events")
    URL events;

    @Test
    void aRuleEditIsAnnouncedWithTheNewVersionAndTheMeasureItChanged() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BufferedReader stream = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        String before = given().when().get("/api/v1/ruleset").then().extract().path("version");
        assertThat(nextEvent(stream, "ruleset-current").path("version").asText()).isEqualTo(before);

        Path table = ImpactAgainstBatchTest.SERVED.resolve("guangdong/xsg-2025-amounts.table.csv");
        String original = Files.readString(table);
        try {
            Files.writeString(table, original.replace("pearl-river-delta,5,", "pearl-river-delta,6,"));
            given().header("Authorization", "Bearer " + ImpactAgainstBatchTest.ADMIN_KEY).when().post("/api/v1/admin/ruleset/reload");
            CompletableFuture<JsonNode> activated = CompletableFuture.supplyAsync(() -> nextEvent(stream, "ruleset-activated"));
            JsonNode change = activated.get(30, TimeUnit.SECONDS);
            String after = given().when().get("/api/v1/ruleset").then().extract().path("version");
            assertThat(change.path("version").asText()).isEqualTo(after).isNotEqualTo(before);
            assertThat(change.path("previousVersion").asText()).isEqualTo(before);
            assertThat(change.path("changed").toString()).contains("GD-XSG-2025").doesNotContain("WZ-XSG");
            assertThat(change.path("added")).isEmpty();
            assertThat(change.path("removed")).isEmpty();
            assertThat(change.path("reasons").path("GD-XSG-2025").toString()).contains("table guangdong/xsg-2025-amounts.table.csv");

            // A client that was away: the stream replays what it missed since the last id it saw, a poller asks for it.
            HttpResponse<InputStream> again = client.send(HttpRequest.newBuilder(URI.create(events.toString()))
                    .header("Accept", "text/event-stream").header("Last-Event-ID", before).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader replay = new BufferedReader(new InputStreamReader(again.body(), StandardCharsets.UTF_8))) {
                assertThat(nextEvent(replay, "ruleset-activated").path("version").asText()).isEqualTo(after);
                assertThat(nextEvent(replay, "ruleset-current").path("replayComplete").asBoolean()).isTrue();
            }
            JsonNode polled = new ObjectMapper().readTree(given().queryParam("since", before).when().get("/api/v1/ruleset/changes")
                    .then().statusCode(200).extract().asString());
            assertThat(polled.path("complete").asBoolean()).isTrue();
            assertThat(polled.path("changes")).hasSize(1);
            assertThat(polled.path("changes").get(0).path("version").asText()).isEqualTo(after);
            assertThat(given().queryParam("since", "sha256:never-served").when().get("/api/v1/ruleset/changes")
                    .then().statusCode(200).extract().<Boolean>path("complete")).isFalse();

            // A note is not read by any rule: editing it activates a new version that changes no measure.
            Files.writeString(table, Files.readString(table).replace("珠三角九市", "珠三角九个地级市"));
            given().header("Authorization", "Bearer " + ImpactAgainstBatchTest.ADMIN_KEY).when().post("/api/v1/admin/ruleset/reload");
            JsonNode noteEdit = CompletableFuture.supplyAsync(() -> nextEvent(stream, "ruleset-activated")).get(30, TimeUnit.SECONDS);
            assertThat(noteEdit.path("previousVersion").asText()).isEqualTo(after);
            assertThat(noteEdit.path("changed")).isEmpty();
        } finally {
            Files.writeString(table, original);
            given().header("Authorization", "Bearer " + ImpactAgainstBatchTest.ADMIN_KEY).when().post("/api/v1/admin/ruleset/reload");
            response.body().close();
        }
    }

    @Test
    void theStreamAdvisesARetryDelayAndSendsAHeartbeatWhileNothingHappens() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
        String version = given().when().get("/api/v1/ruleset").then().extract().path("version");
        try (BufferedReader stream = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            java.util.List<String> lines = new java.util.ArrayList<>();
            long start = System.nanoTime();
            CompletableFuture<Void> heartbeat = CompletableFuture.runAsync(() -> {
                try {
                    for (String line = stream.readLine(); line != null; line = stream.readLine()) {
                        lines.add(line);
                        if (line.startsWith(":")) return;
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // policy.events.heartbeat is 1 s in the tests (20 s by default, below the 60 s after which gateways cut idle streams)
            heartbeat.get(10, TimeUnit.SECONDS);
            System.out.printf("heartbeat after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertThat(lines).anyMatch(l -> l.matches("id: ?" + java.util.regex.Pattern.quote(version)))
                    .anyMatch(l -> l.matches("retry: ?5000"));
        }
    }

    /** Reads events until one named {@code name}; returns its JSON data. */
    private static JsonNode nextEvent(BufferedReader stream, String name) {
        try {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line = stream.readLine(); line != null; line = stream.readLine()) {
                if (line.startsWith("event:")) event = line.substring(6).strip();
                else if (line.startsWith("data:")) data.append(line.substring(5).strip());
                else if (line.isEmpty()) {
                    if (name.equals(event)) return new ObjectMapper().readTree(data.toString());
                    event = null;
                    data.setLength(0);
                }
            }
            throw new AssertionError("the stream ended before a " + name + " event");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
