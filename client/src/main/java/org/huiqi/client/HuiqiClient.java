package org.huiqi.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A client of the eligibility API (/api/v1) over the JDK's HttpClient, HTTP/2 where the service
 * offers it (h2c in the cluster): one evaluation, NDJSON batches streamed both ways with
 * back-pressure, retry of 429/503 after Retry-After, resumption of a cut batch from the first line
 * without a result (the service keeps the original line numbers), rule-set events with
 * reconnection and replay ({@link RuleSetEvents}), and problem documents as {@link ProblemException}.
 * Answers are Jackson trees: fields the service adds later never break this client.
 */
public final class HuiqiClient {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String NDJSON = "application/x-ndjson";

    private final URI base;
    private final String apiKey;
    private final HttpClient http;
    private final int maxAttempts;
    private final Duration maxWait;

    private HuiqiClient(Builder builder) {
        this.base = builder.base;
        this.apiKey = builder.apiKey;
        this.maxAttempts = builder.maxAttempts;
        this.maxWait = builder.maxWait;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static Builder builder(URI base) {
        return new Builder(base);
    }

    public static final class Builder {
        private final URI base;
        private String apiKey;
        private int maxAttempts = 10;
        private Duration maxWait = Duration.ofMinutes(5);

        private Builder(URI base) {
            this.base = base;
        }

        /** The API key (sent as Authorization: Bearer); batches need one with the integration role. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** How often one call is tried in all: retries after 429/503 and resumptions after a cut together (default 10). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The longest Retry-After honoured (default 5 min); a longer one fails the call. */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        public HuiqiClient build() {
            return new HuiqiClient(this);
        }
    }

    /** One evaluation: the body of POST /api/v1/eligibility (asOf, profile), answered by an Evaluation. */
    public JsonNode evaluate(JsonNode request) throws IOException, InterruptedException {
        return evaluate("/api/v1/eligibility", request);
    }

    /** One evaluation answered compact, as a batch's view=compact: per result only status, amount and missing fields (a CompactEvaluation). */
    public JsonNode evaluateCompact(JsonNode request) throws IOException, InterruptedException {
        return evaluate("/api/v1/eligibility/compact", request);
    }

    private JsonNode evaluate(String path, JsonNode request) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(request);
        String requestId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response = http.send(request(path, requestId)
                    .header("Content-Type", "application/json").header("Accept-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 200) {
                try (InputStream in = decoded(response)) {
                    return JSON.readTree(in);
                }
            }
            backOffOrThrow(response, attempt);
        }
    }

    /** What to send a batch with: the view ({@code compact}, {@code summary} or {@code full}) and the statuses kept (none: all). */
    public record BatchOptions(String view, List<String> statuses, boolean gzip) {
        /** Per measure result only its status, amount and missing fields (the result's {@code compact}), gzipped: the least to move. */
        public static BatchOptions compact() {
            return new BatchOptions("compact", List.of(), true);
        }

        /** Per measure result also nearMiss, confirmed and the failed criteria (the result's {@code summary}), gzipped. */
        public static BatchOptions summary() {
            return new BatchOptions("summary", List.of(), true);
        }

        public BatchOptions statuses(String... kept) {
            return new BatchOptions(view, List.of(kept), gzip);
        }
    }

    /** How a batch went: the end line's counts, and how many times it was resumed after a cut or retried after 429/503. */
    public record BatchOutcome(long lines, long errors, String rulesetVersion, int resumptions, int retries) {
    }

    /**
     * Sends the lines of {@code source} as one NDJSON batch and hands each result (a BatchResult
     * tree, with its {@code line}) to {@code results}, in input order, while the lines are still
     * being sent. A 429 or 503 is retried after its Retry-After; a cut (the connection lost, or the
     * answer ending without its end line) is resumed from the line after the last result received,
     * with {@code firstLine} so the service numbers the lines as before. Every result is delivered
     * once. All of it happens under one rule-set version unless the rules change between a cut and
     * its resumption: compare {@code rulesetVersion} of the results then.
     */
    public BatchOutcome batch(LineSource source, BatchOptions options, Consumer<JsonNode> results)
            throws IOException, InterruptedException {
        String requestId = UUID.randomUUID().toString();
        long next = 1;
        int resumptions = 0;
        int retries = 0;
        long delivered = 0;
        long errors = 0;
        for (int attempt = 1; ; attempt++) {
            StringBuilder query = new StringBuilder("?view=").append(options.view());
            for (String status : options.statuses()) query.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
            if (next > 1) query.append("&firstLine=").append(next);
            long from = next;
            HttpRequest.Builder request = request("/api/v1/eligibility/batch" + query, requestId + "." + attempt)
                    .header("Content-Type", NDJSON)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new LinesBody(source.from(from), options.gzip())));
            if (options.gzip()) request.header("Content-Encoding", "gzip").header("Accept-Encoding", "gzip");
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException cut) {
                if (attempt >= maxAttempts) throw cut;
                resumptions++;
                continue;
            }
            if (response.statusCode() != 200) {
                backOffOrThrow(response, attempt);
                retries++;
                continue;
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(decoded(response), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) continue;
                    JsonNode result = JSON.readTree(line);
                    JsonNode end = result.get("end");
                    if (end != null) {
                        return new BatchOutcome(delivered, errors, end.path("rulesetVersion").asText(), resumptions, retries);
                    }
                    next = result.path("line").asLong() + 1;
                    delivered++;
                    if (result.has("error")) errors++;
                    results.accept(result);
                }
            } catch (IOException cut) {
                // the connection was lost: resumed below from the line after the last result
            }
            if (attempt >= maxAttempts) throw new IOException("the batch was cut " + attempt + " times; the last result was for line " + (next - 1));
            resumptions++;
        }
    }

    /** Listens to the rule-set events; see {@link RuleSetEvents}. {@code lastEventId}: the last version seen before, or null. */
    public RuleSetEvents events(String lastEventId, RuleSetEvents.Listener listener) {
        return new RuleSetEvents(http, base.resolve("/api/v1/ruleset/events"), apiKey, lastEventId, listener);
    }

    private HttpRequest.Builder request(String path, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("X-Request-Id", requestId);
        if (apiKey != null) request.header("Authorization", "Bearer " + apiKey);
        return request;
    }

    /** Waits Retry-After for a 429 or 503 that gives one; otherwise throws the problem. */
    private void backOffOrThrow(HttpResponse<InputStream> response, int attempt) throws IOException, InterruptedException {
        Problem problem = problem(response);
        Optional<Long> retryAfter = response.headers().firstValue("Retry-After").flatMap(HuiqiClient::seconds);
        boolean retryable = (response.statusCode() == 429 || response.statusCode() == 503) && retryAfter.isPresent();
        if (!retryable || attempt >= maxAttempts || retryAfter.get() > maxWait.toSeconds()) throw new ProblemException(problem);
        Thread.sleep(retryAfter.get() * 1000);
    }

    private static Optional<Long> seconds(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: the service sends seconds
        }
    }

    private static Problem problem(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = decoded(response)) {
            byte[] body = in.readAllBytes();
            try {
                return JSON.readValue(body, Problem.class);
            } catch (IOException notAProblem) {
                return new Problem(null, "HTTP " + response.statusCode(), response.statusCode(),
                        new String(body, StandardCharsets.UTF_8), response.headers().firstValue("X-Request-Id").orElse(null), List.of());
            }
        }
    }

    private static InputStream decoded(HttpResponse<InputStream> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").map(e -> e.equalsIgnoreCase("gzip")).orElse(false);
        return gzip ? new GZIPInputStream(response.body(), 16 * 1024) : response.body();
    }
}
