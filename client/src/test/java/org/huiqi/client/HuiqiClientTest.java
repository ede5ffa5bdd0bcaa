package org.huiqi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the packaged service, doing what a nightly registry match does. */
class HuiqiClientTest {
    private static PackagedService service;
    private static HuiqiClient client;

    @BeforeAll
    static void start() throws Exception {
        service = PackagedService.shared();
        client = HuiqiClient.builder(service.base).apiKey(PackagedService.KEY).build();
    }

    static String item(long n) {
        return "{\"id\":\"row-" + n + "\",\"asOf\":\"2025-06-01\",\"profile\":{\"regionCode\":\"441200\",\"industryCode\":\"C3841\","
                + "\"firstAboveScaleYear\":2024,\"financials\":{\"2024\":{\"operatingRevenue\":" + (1000 + n % 5000) + "}}}}";
    }

    static JsonNode parse(String line) {
        try {
            return HuiqiClient.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> items(int count) {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= count; n++) lines.add(item(n));
        return lines;
    }

    @Test
    void fiveThousandLinesGoAndComeBackGzippedInOrder() throws Exception {
        List<JsonNode> results = new ArrayList<>();
        long start = System.nanoTime();
        HuiqiClient.BatchOutcome outcome = client.batch(LineSource.of(items(5000)), HuiqiClient.BatchOptions.compact(), results::add);
        System.out.printf("5,000 lines, gzip both ways: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertThat(outcome.lines()).isEqualTo(5000);
        assertThat(outcome.errors()).isZero();
        assertThat(outcome.rulesetVersion()).isEqualTo(service.version());
        assertThat(results).hasSize(5000);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).path("line").asLong()).isEqualTo(i + 1);
            assertThat(results.get(i).path("id").asText()).isEqualTo("row-" + (i + 1));
        }
        assertThat(results.get(0).path("compact").path("results").findValuesAsText("measureId")).contains("GD-XSG-2025");
    }

    @Test
    void aBatchRefusedWith429IsRetriedAfterRetryAfter() throws Exception {
        // Another batch of the same key holds its only place for some seconds, sending a line well within the idle timeout,
        // so the service never cuts it (a silent holder was cut after IDLE_SECONDS, freeing the place too early).
        CompletableFuture<Integer> holder = CompletableFuture.supplyAsync(() -> holdAPlace(HOLDER_LINES));
        for (int i = 0; i < 100 && service.batchesRunning() == 0; i++) Thread.sleep(100);
        assertThat(service.batchesRunning()).as("the other batch holds the place").isEqualTo(PackagedService.PER_CLIENT);
        // Retry-After is 1 s: enough attempts to outlast the holder.
        HuiqiClient patient = HuiqiClient.builder(service.base).apiKey(PackagedService.KEY).maxAttempts(4 * HOLDER_LINES).build();
        List<JsonNode> results = Collections.synchronizedList(new ArrayList<>());
        HuiqiClient.BatchOutcome outcome = patient.batch(LineSource.of(items(3)), HuiqiClient.BatchOptions.compact(), results::add);
        assertThat(holder.get(60, TimeUnit.SECONDS)).as("the holder ran to its end").isEqualTo(200);
        assertThat(outcome.retries()).as("refused at least once, then admitted").isPositive();
        assertThat(results).extracting(r -> r.path("line").asInt()).containsExactly(1, 2, 3);
    }

    @Test
    void aCutBatchIsResumedWithTheOriginalLineNumbers() throws Exception {
        List<String> lines = items(400);
        boolean[] paused = {false};
        // The first time through, the sender falls silent at line 200 for longer than the service waits: the batch is cut.
        LineSource stalling = firstLine -> {
            Iterator<String> rest = LineSource.of(lines).from(firstLine);
            return new Iterator<>() {
                long next = firstLine;

                @Override
                public boolean hasNext() {
                    return rest.hasNext();
                }

                @Override
                public String next() {
                    if (next == 200 && !paused[0]) {
                        paused[0] = true;
                        sleep((PackagedService.IDLE_SECONDS + 3) * 1000L);
                    }
                    next++;
                    return rest.next();
                }
            };
        };
        List<JsonNode> results = new ArrayList<>();
        HuiqiClient.BatchOutcome outcome = client.batch(stalling, HuiqiClient.BatchOptions.summary(), results::add);
        assertThat(outcome.resumptions()).as("cut once, resumed").isPositive();
        assertThat(results).extracting(r -> r.path("line").asLong()).as("each line once, numbered as sent")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 400).boxed().toList());
        assertThat(results).allSatisfy(r -> assertThat(r.path("id").asText()).isEqualTo("row-" + r.path("line").asLong()));
    }

    @Test
    void oneProfileAnsweredCompactCarriesTheVersionAndEachResultsStatus() throws Exception {
        JsonNode compact = client.evaluateCompact(((com.fasterxml.jackson.databind.node.ObjectNode) parse(item(1))).without("id"));
        assertThat(compact.path("rulesetVersion").asText()).isEqualTo(service.version());
        assertThat(compact.path("results").findValuesAsText("measureId")).contains("GD-XSG-2025");
        assertThat(compact.path("results")).allSatisfy(r -> assertThat(r.path("status").asText()).isNotEmpty());
    }

    @Test
    void aProblemComesBackTypedWithItsRequest() {
        JsonNode bad = HuiqiClient.JSON.createObjectNode().set("profile", HuiqiClient.JSON.createObjectNode().put("regionCode", "45"));
        assertThatThrownBy(() -> client.evaluate(bad)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().kind()).isEqualTo("invalid-input");
            assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("profile.regionCode");
            assertThat(e.problem().instance()).startsWith("urn:huiqi:request:");
        });
    }

    @Test
    void eventsArriveAfterAReloadAndAMissedOneIsReplayed() throws Exception {
        BlockingQueue<JsonNode> activated = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> connected = new LinkedBlockingQueue<>();
        List<Boolean> replayed = Collections.synchronizedList(new ArrayList<>());
        RuleSetEvents.Listener listener = new RuleSetEvents.Listener() {
            @Override
            public void activated(JsonNode change, boolean wasReplayed) {
                replayed.add(wasReplayed);
                activated.add(change);
            }

            @Override
            public void connected(JsonNode current) {
                connected.add(current);
            }
        };
        String table = "guangdong/xsg-2025-amounts.table.csv";
        String seen;
        try (RuleSetEvents events = client.events(null, listener)) {
            String before = connected.poll(30, TimeUnit.SECONDS).path("version").asText();
            // Edits that change no answer (a note, a comment), so the scenarios still pass and the rule set is activated.
            service.edit(table, "珠三角九市", "珠三角九个地级市");
            JsonNode change = activated.poll(60, TimeUnit.SECONDS);
            assertThat(change).as("an activation event after the reload").isNotNull();
            assertThat(change.path("previousVersion").asText()).isEqualTo(before);
            assertThat(change.path("changed")).as("a note is read by no rule").isEmpty();

            events.disconnect(); // as a gateway would: the stream comes back by itself
            assertThat(connected.poll(30, TimeUnit.SECONDS)).as("reconnected").isNotNull();
            seen = events.lastEventId();
            assertThat(seen).isEqualTo(change.path("version").asText());
        }
        // Away while the rules change again: on returning with the last id seen, the change is replayed.
        service.edit(table, "# Guangdong 小升规 award", "# Guangdong 小升规 (xsg) award");
        String now = awaitVersionChange(seen);
        activated.clear();
        replayed.clear();
        try (RuleSetEvents events = client.events(seen, listener)) {
            JsonNode missed = activated.poll(30, TimeUnit.SECONDS);
            assertThat(missed).as("the missed activation").isNotNull();
            assertThat(missed.path("version").asText()).isEqualTo(now);
            assertThat(replayed).containsExactly(true);
            assertThat(connected.poll(30, TimeUnit.SECONDS).path("replayComplete").asBoolean()).isTrue();
        }
    }

    private static String awaitVersionChange(String from) throws Exception {
        for (int i = 0; i < 240; i++) {
            String version = service.version();
            if (!version.equals(from)) return version;
            Thread.sleep(250);
        }
        throw new AssertionError("the rule set did not change");
    }

    /** Lines the holding batch sends, one every {@link #HOLDER_GAP_MILLIS}: it holds its place for some 8 s. */
    private static final int HOLDER_LINES = 16;
    /** Well below the service's idle timeout (PackagedService.IDLE_SECONDS), so the holder is never cut as silent. */
    private static final long HOLDER_GAP_MILLIS = 500;

    /**
     * A batch of the tests' key that sends {@code lines} lines, one every {@link #HOLDER_GAP_MILLIS}, then ends: it holds the
     * key's only place meanwhile. Each read hands over one line, so each reaches the service as it is written.
     */
    private static int holdAPlace(int lines) {
        try {
            InputStream body = new InputStream() {
                int sent;

                @Override
                public int read() {
                    throw new UnsupportedOperationException("read by lines");
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    if (sent == lines) return -1;
                    if (sent > 0) sleep(HOLDER_GAP_MILLIS);
                    byte[] line = (item(++sent) + "\n").getBytes(StandardCharsets.UTF_8);
                    if (line.length > length) throw new IllegalStateException("a line longer than the client's buffer");
                    System.arraycopy(line, 0, buffer, offset, line.length);
                    return line.length;
                }
            };
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build().send(
                    HttpRequest.newBuilder(service.base.resolve("/api/v1/eligibility/batch?view=compact"))
                            .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + PackagedService.KEY)
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
            if (!response.body().contains("\"end\"")) throw new IllegalStateException("the holder was cut: " + response.body());
            return response.statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
