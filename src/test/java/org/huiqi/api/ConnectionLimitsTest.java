package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.huiqi.api.access.ApiKeys;
import org.huiqi.api.access.KeyAttempts;
import org.huiqi.rules.TempRules;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What anonymous callers and key guessers can hold or learn: event streams are capped per client
 * and in all, and freed when clients leave; unknown keys are logged and then refused; the rule set's
 * description names no absolute path. Key guessing blocks this machine's address for a minute, so
 * that test runs last.
 */
@QuarkusTest
@TestProfile(ConnectionLimitsTest.Limits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionLimitsTest {
    static final Path SERVED = TempRules.copyOfProjectRules();
    static final String ADMIN_KEY = "limits-admin-key";
    static final String INTEGRATION_KEY = "limits-integration-key";
    static final int MAX_STREAMS = 3;
    static final int MAX_STREAMS_PER_CLIENT = 2;
    static final int MAX_KEY_FAILURES = 3;

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policy.rules.dir", SERVED.toString(),
                    "policy.events.max-subscribers", String.valueOf(MAX_STREAMS),
                    "policy.events.max-subscribers-per-client", String.valueOf(MAX_STREAMS_PER_CLIENT),
                    "policy.api-keys.max-failures-per-minute", String.valueOf(MAX_KEY_FAILURES),
                    "policy.api-keys", "ops:" + ApiKeys.hashOf(ADMIN_KEY) + ":admin,registry:" + ApiKeys.hashOf(INTEGRATION_KEY) + ":integration");
        }
    }

    @TestHTTPResource("/api/v1/ruleset/events")
    URL events;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void eventStreamsAreCappedPerClientAndInAllAndFreedWhenClientsLeave() throws Exception {
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            open.add(subscribe(null));
            open.add(subscribe(null));
            open.forEach(r -> assertThat(r.statusCode()).isEqualTo(200));
            HttpResponse<InputStream> third = subscribe(null);
            assertRefused(third, 429);

            open.add(subscribe(INTEGRATION_KEY));
            assertThat(open.get(2).statusCode()).as("another client has its own share").isEqualTo(200);
            assertRefused(subscribe(ADMIN_KEY), 503);

            open.remove(0).body().close();
            assertThat(subscribeWithin(Duration.ofSeconds(10))).as("a client that left frees its place").isEqualTo(200);
        } finally {
            for (HttpResponse<InputStream> r : open) r.body().close();
        }
    }

    @Test
    @Order(2)
    void theRuleSetNamesNoAbsolutePathToAnonymousCallers() throws IOException {
        Path link = SERVED.resolve("guangxi/outside.drl");
        Path target = Files.writeString(Files.createTempFile("outside-", ".drl"), "// not a rule file of this directory\n");
        Files.createSymbolicLink(link, target);
        try {
            given().header("Authorization", "Bearer " + ADMIN_KEY).when().post("/api/v1/admin/ruleset/reload")
                    .then().statusCode(200).body("status", is("FAILED"));
            String anonymous = given().when().get("/api/v1/ruleset").then().statusCode(200)
                    .body("source", is("directory")).body("lastReload.errors[0].file", is("guangxi/outside.drl"))
                    .extract().asString();
            assertThat(anonymous).doesNotContain(target.toString()).doesNotContain(SERVED.toString()).doesNotContain("/tmp/");
            given().header("Authorization", "Bearer " + ADMIN_KEY).when().get("/api/v1/ruleset").then().statusCode(200)
                    .body("lastReload.errors[0].message", containsString(target.toRealPath().toString()));
        } finally {
            Files.delete(link);
            given().header("Authorization", "Bearer " + ADMIN_KEY).when().post("/api/v1/admin/ruleset/reload").then().statusCode(200);
        }
    }

    @Test
    @Order(3)
    void unknownKeysAreLoggedWithoutTheKeyAndThenRefusedWith429() {
        try (WarnCapture warnings = new WarnCapture()) {
            for (int i = 0; i < MAX_KEY_FAILURES; i++) {
                given().header("Authorization", "Bearer guess-" + i).when().post("/api/v1/admin/ruleset/reload")
                        .then().statusCode(401);
            }
            given().header("Authorization", "Bearer guess-last").when().post("/api/v1/admin/ruleset/reload")
                    .then().statusCode(429).contentType("application/problem+json").header("Retry-After", not(is("0")));
            // even the right key, until the minute is over
            given().header("Authorization", "Bearer " + ADMIN_KEY).when().post("/api/v1/admin/ruleset/reload")
                    .then().statusCode(429);
            assertThat(warnings.messages()).hasSize(MAX_KEY_FAILURES)
                    .allSatisfy(m -> assertThat(m).matches("(?s)unknown API key from \\S+ \\(sha256 [0-9a-f]{6}…\\).*").doesNotContain("guess-"));
        }
    }

    private HttpResponse<InputStream> subscribe(String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(events.toString())).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (key != null) request.header("Authorization", "Bearer " + key);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The status an anonymous subscriber gets, retried until it is 200 or the time is up. */
    private int subscribeWithin(Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<InputStream> response = subscribe(null);
            response.body().close();
            if (response.statusCode() == 200 || System.nanoTime() > deadline) return response.statusCode();
            Thread.sleep(200);
        }
    }

    private static void assertRefused(HttpResponse<InputStream> response, int status) throws IOException {
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.headers().firstValue("RateLimit-Remaining")).contains("0");
            assertThat(response.headers().firstValue("RateLimit-Reset")).isEqualTo(response.headers().firstValue("Retry-After"));
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("policy.events.max-subscribers");
        }
    }

    /** WARN records of the key checks. */
    private static final class WarnCapture extends Handler implements AutoCloseable {
        /** The record's message with its parameters filled in, as the console shows it. */
        private static final PatternFormatter MESSAGE = new PatternFormatter("%s");
        private final Logger logger = Logger.getLogger(KeyAttempts.class.getName());
        private final List<String> messages = new ArrayList<>();

        WarnCapture() {
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue()) return;
            messages.add(MESSAGE.format(record));
        }

        synchronized List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
