package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.huiqi.api.openapi.SendsInvalidRequests;
import org.huiqi.profile.ProfileLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies are read before a worker takes the request: a body that stalls is cut at the deadline
 * with 408, bodies in memory together are bounded (503 past it), a chunked body past its limit
 * gets a problem document, and every JSON body is held to the nesting limit.
 */
@QuarkusTest
@TestProfile(RequestBodiesTest.SmallBudget.class)
@SendsInvalidRequests
class RequestBodiesTest {
    static final int BUDGET = 64 * 1024;

    public static class SmallBudget extends IntegrationKeys {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("policy.http.body-deadline", "1s");
            config.put("policy.http.max-buffered-body-bytes", String.valueOf(BUDGET));
            return config;
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    RequestBodies bodies;

    @AfterEach
    void everyBodyLeavesTheBudget() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (bodies.held() != 0 && System.nanoTime() < until) Thread.sleep(20);
        assertThat(bodies.held()).as("bytes still counted as in memory").isZero();
    }

    /** Headers announcing {@code length} bytes of JSON for the single evaluation, then {@code sent}. */
    private Socket partial(int length, String sent) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/eligibility HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n" + sent).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** What the service answers on this connection, until it closes it. */
    private static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aBodyThatStallsIsCutAtTheDeadline() throws Exception {
        long start = System.nanoTime();
        try (Socket socket = partial(1000, "{\"profile\": {")) {
            String answer = answer(socket);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("https://huiqi.org/problems/body-timeout").contains("policy.http.body-deadline");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
    }

    @Test
    void bodiesInMemoryTogetherAreBounded() throws Exception {
        // One client holds most of the budget with a body it does not finish ...
        try (Socket holder = partial(BUDGET, "{\"profile\": {\"name\": \"" + "x".repeat(BUDGET - 2048))) {
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (bodies.held() < BUDGET - 2048 && System.nanoTime() < until) Thread.sleep(10);
            // ... so the next body past what is left is refused rather than held, and says when to come back.
            String big = "{\"profile\": {\"name\": \"" + "y".repeat(4096) + "\"}}";
            given().contentType(ContentType.JSON).body(big).when().post("/api/v1/eligibility")
                    .then().statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", "1")
                    .body("type", is("https://huiqi.org/problems/server-busy"));
        }
        // Once the holder has gone, bodies are read again.
        everyBodyLeavesTheBudget();
        given().contentType(ContentType.JSON).body("{\"profile\": {\"regionCode\": \"450400\"}}")
                .when().post("/api/v1/eligibility").then().statusCode(200);
    }

    @Test
    void aChunkedBodyPastTheLimitGetsAProblemDocument() {
        byte[] body = ("{\"profile\": {\"name\": \"" + "x".repeat(IntegrationKeys.MAX_JSON_BYTES) + "\"}}").getBytes(StandardCharsets.UTF_8);
        // A stream of unknown length is sent chunked: there is no Content-Length to check up front.
        given().contentType(ContentType.JSON).body(new ByteArrayInputStream(body)).when().post("/api/v1/eligibility")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("type", is("https://huiqi.org/problems/body-too-large"))
                .body("detail", containsString("policy.http.max-json-body-size"));
    }

    @Test
    void nestingIsRefusedPastTheLimitInEveryJsonBody() {
        String atLimit = "[".repeat(ProfileLimits.MAX_NESTING_DEPTH) + "]".repeat(ProfileLimits.MAX_NESTING_DEPTH);
        // At the limit the JSON is read, and the batch answers the item (which is not a batch item) in place.
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                .body(atLimit).when().post("/api/v1/eligibility/batch")
                .then().statusCode(200).body("[0].error.status", is(400));
        // One level deeper and the body is refused while it is read, naming the limit.
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                .body("[" + atLimit + "]").when().post("/api/v1/eligibility/batch")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("nesting depth"))
                .body("detail", containsString("(" + ProfileLimits.MAX_NESTING_DEPTH + ")"))
                .body(org.hamcrest.Matchers.not(containsString("StreamReadConstraints")));
    }

    @Test
    void normalBodiesAreReadAsBefore() {
        given().contentType(ContentType.JSON).body("{\"profile\": {\"regionCode\": \"450400\"}}")
                .when().post("/api/v1/eligibility").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"profile\": {\"employees\": -1}}")
                .when().post("/api/v1/eligibility").then().statusCode(400).body("errors[0].field", is("profile.employees"));
    }

    /**
     * The JDK's HttpClient (HTTP/2 by default) upgrades a plain-http connection to h2c: its
     * requests, bodies included, are answered as before (a body read ahead of Quarkus REST on an
     * HTTP/2 stream made every self-check a 500).
     */
    @Test
    void aClientOnHttp2GetsItsSelfCheckAnswered() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String body : new String[] {null, "{\"profile\": {\"regionCode\": \"450400\"}}"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/v1/eligibility"));
            if (body == null) request.uri(base.resolve("api/v1/ruleset")).GET();
            else request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        }
    }
}
