package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.huiqi.api.openapi.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.huiqi.api.access.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow registry uploads cannot starve the self-check: with the batch places taken by NDJSON
 * streams that send one line and then nothing, a single evaluation and the readiness probe still
 * answer at once, the extra batch gets 429 with Retry-After, and the stalled streams are cut after
 * the idle timeout, which frees their places.
 */
@QuarkusTest
@SendsInvalidRequests
@TestProfile(BatchStarvationTest.SmallBatchLimits.class)
class BatchStarvationTest {
    static final int IDLE_SECONDS = 6;

    public static class SmallBatchLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "policy.api-keys", "a:" + ApiKeys.hashOf("key-a") + ":integration,b:" + ApiKeys.hashOf("key-b")
                            + ":integration,c:" + ApiKeys.hashOf("key-c") + ":integration",
                    "policy.batch.max-concurrent", "2",
                    "policy.batch.max-concurrent-per-client", "1",
                    "policy.batch.idle-timeout", IDLE_SECONDS + "s",
                    "policy.batch.retry-after", "7s",
                    // Few HTTP workers, as in the reproduction: the batches must not take them all.
                    "quarkus.thread-pool.max-threads", "6");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    @Timeout(60)
    void stalledBatchesHoldNeitherTheSelfCheckNorTheProbesAndAreCutWhenIdle() throws Exception {
        // Warm up first, so that the first evaluations' class loading does not eat into the idle timeout.
        given().contentType("application/json").body(EligibilityApiTest.AT_THRESHOLDS).when().post("/api/v1/eligibility")
                .then().statusCode(200);
        try (StalledBatch a = new StalledBatch(root, "key-a")) {
            a.awaitFirstResult();
            refused("key-a").then().body("detail", org.hamcrest.Matchers.containsString("max-concurrent-per-client"));
            try (StalledBatch b = new StalledBatch(root, "key-b")) {
                b.awaitFirstResult();
                refused("key-c").then().body("detail", org.hamcrest.Matchers.containsString("policy.batch.max-concurrent)"));

                long start = System.nanoTime();
                given().contentType("application/json").body(EligibilityApiTest.AT_THRESHOLDS)
                        .when().post("/api/v1/eligibility").then().statusCode(200);
                Management.given().when().get("/q/health/ready").then().statusCode(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered while both batch places are taken")
                        .isLessThan(Duration.ofSeconds(2));

                assertThat(a.awaitEnd()).as("a stalled stream is cut after the idle timeout").isTrue();
                assertThat(b.awaitEnd()).isTrue();
            }
        }
        given().contentType(BatchApiTest.NDJSON).header("Authorization", "Bearer key-c")
                .body(BatchApiTest.utf8(BatchApiTest.GOOD + "\n")).when().post("/api/v1/eligibility/batch")
                .then().statusCode(200);
    }

    private static Response refused(String key) {
        Response response = given().contentType(BatchApiTest.NDJSON).header("Authorization", "Bearer " + key)
                .body(BatchApiTest.utf8(BatchApiTest.GOOD + "\n")).when().post("/api/v1/eligibility/batch");
        response.then().statusCode(429).contentType(Problem.MEDIA_TYPE).header("Retry-After", is("7")).body("status", is(429));
        return response;
    }

    /** An NDJSON upload over a raw connection that sends one line, then nothing. */
    private static final class StalledBatch implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        StalledBatch(URL root, String key) throws IOException {
            socket = new Socket(root.getHost(), root.getPort());
            socket.setSoTimeout((IDLE_SECONDS + 10) * 1000);
            byte[] line = BatchApiTest.utf8(BatchApiTest.GOOD + "\n");
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/eligibility/batch?view=summary HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                    + "Authorization: Bearer " + key + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(line.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(line);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = socket.getInputStream();
        }

        /** Admitted: the result of its one line has come back. */
        void awaitFirstResult() throws IOException {
            byte[] buffer = new byte[8192];
            while (!received.toString(StandardCharsets.UTF_8).contains("\"line\":1")) {
                int n = in.read(buffer);
                if (n < 0) throw new AssertionError("connection closed before the first result: " + received);
                received.write(buffer, 0, n);
            }
            assertThat(received.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
        }

        /** True when the server ends the connection (within the socket timeout). */
        boolean awaitEnd() {
            byte[] buffer = new byte[8192];
            try {
                while (in.read(buffer) >= 0) {
                    // drain until the server closes
                }
                return true;
            } catch (IOException e) {
                return e.getMessage() != null && e.getMessage().contains("reset");
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
