package org.huiqi.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.huiqi.api.openapi.OpenApiTrafficFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A registry-sized NDJSON batch: 100,000 lines go in as a stream produced on the fly (never held
 * as a whole), one result per line comes back in order, and the heap the service uses stays
 * within a fixed bound while it runs. The server runs in this JVM, so the heap measured here is
 * the server's (after a full GC, so that only live objects count).
 */
@QuarkusTest
@TestProfile(IntegrationKeys.class)
class BatchStreamingTest {
    static final int LINES = Integer.getInteger("batch.lines", 100_000);
    static final int BAD_LINE = LINES / 2;
    /** Live heap may grow by at most this much while the batch runs, whatever its size. */
    static final long HEAP_BOUND = 64L * 1024 * 1024;

    /** Registry-scale matching asks for the summary view: the full one is ~50 KB of explanations per line. */
    @TestHTTPResource("/api/v1/eligibility/batch?view=summary")
    URI batch;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aHundredThousandLinesStreamInConstantMemoryWithOneResultPerLine() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = liveHeap(memory);
        long start = System.nanoTime();

        // HTTP/2: the JDK client reads the response while it still sends the request only over HTTP/2 (over
        // HTTP/1.1 it sends the whole body first, and a large batch would fill both directions and stall).
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest request = HttpRequest.newBuilder(batch)
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + IntegrationKeys.INTEGRATION_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Lines(LINES)))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        String version = response.headers().firstValue("Ruleset-Version").orElseThrow();

        List<Long> heapSamples = new ArrayList<>();
        long count = 0;
        long errors = 0;
        boolean ended = false;
        try (BufferedReader results = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = results.readLine(); line != null; line = results.readLine()) {
                if (line.startsWith("{\"end\":")) {
                    assertThat(line).isEqualTo("{\"end\":{\"lines\":" + LINES + ",\"errors\":1,\"rulesetVersion\":\"" + version + "\"}}");
                    ended = true;
                    continue;
                }
                assertThat(ended).as("nothing after the end line").isFalse();
                count++;
                assertThat(line).as("result %d is for line %d", count, count)
                        .startsWith("{\"line\":" + count + ",\"id\":\"row-" + count + "\",\"rulesetVersion\":\"" + version + "\",");
                if (Math.abs(count - BAD_LINE) <= 1) {
                    // the stream is read outside REST Assured: check the lines that matter against the document here
                    assertThat(OpenApiTrafficFilter.ndjsonResultViolations(line)).as("line %d against the OpenAPI document", count).isEmpty();
                }
                if (count == BAD_LINE) {
                    assertThat(line).contains("\"error\":{").contains("\"status\":400").doesNotContain("\"summary\"");
                } else if (count == BAD_LINE - 1 || count == BAD_LINE + 1) {
                    assertThat(line).contains("\"summary\":{").contains("\"status\":\"").doesNotContain("\"error\"");
                }
                if (line.contains("\"error\":{")) errors++;
                if (count % (LINES / 5) == 0) heapSamples.add(liveHeap(memory) - baseline);
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("NDJSON batch: %d lines in %d ms (%.0f lines/s); live heap growth after GC at each fifth: %s MiB%n",
                count, millis, count * 1000.0 / millis, heapSamples.stream().map(b -> b / (1024 * 1024)).toList());

        assertThat(count).isEqualTo(LINES);
        assertThat(ended).as("the stream ran to its end line").isTrue();
        assertThat(errors).isEqualTo(1);
        assertThat(heapSamples).allSatisfy(growth -> assertThat(growth).isLessThan(HEAP_BOUND));
    }

    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The NDJSON input, generated a line at a time: line {@link #BAD_LINE} is invalid. */
    static final class Lines extends InputStream {
        private final int total;
        private int next = 1;
        private byte[] current = new byte[0];
        private int pos;

        Lines(int total) {
            this.total = total;
        }

        private boolean advance() {
            if (pos < current.length) return true;
            if (next > total) return false;
            int n = next++;
            String text = n == BAD_LINE
                    ? "{\"id\": \"row-" + n + "\", \"profile\": {\"regionCode\": \"not-a-code\"}}\n"
                    : "{\"id\": \"row-" + n + "\", \"asOf\": \"2025-06-01\", \"profile\": {\"regionCode\": \"441200\", "
                    + "\"industryCode\": \"C3841\", \"employees\": " + (n % 500) + ", \"yearsInNiche\": " + (n % 7)
                    + ", \"specializedScore\": " + (n % 100) + ", \"financials\": {\"2024\": {\"operatingRevenue\": " + (1000 + n % 5000)
                    + ", \"mainBusinessRevenue\": 900, \"rdExpense\": " + (n % 300) + "}}, \"firstAboveScaleYear\": 2024, "
                    + "\"receivedProvincialXsgAward\": false, \"newPlantEntry\": false, \"convertedFromNonIndustrial\": false, "
                    + "\"movedBetweenCities\": false, \"majorIncidentWithin3Years\": false}}\n";
            current = text.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }

        @Override
        public int read() {
            return advance() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (!advance()) return -1;
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
