package org.huiqi.api.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.huiqi.api.Evaluations;
import org.huiqi.api.Problem;
import org.huiqi.api.ProblemException;
import org.huiqi.api.ProblemMappers;
import org.huiqi.api.RequestIds;
import org.huiqi.api.RequestValidator;
import org.huiqi.api.RuleSets;
import org.huiqi.api.access.Caller;
import org.huiqi.api.access.RequiresRole;
import org.huiqi.api.access.Role;
import org.huiqi.audit.AuditLog;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.RuleFiringLimitException;
import org.huiqi.evaluation.Text;
import org.huiqi.evaluation.Ulid;
import org.huiqi.rules.RuleSet;
import org.jboss.logging.Logger;

/**
 * Many eligibility questions in one call, for systems that match a whole registry against the
 * catalog. The whole batch is answered by the one rule set that is serving when it starts. An
 * item that cannot be evaluated gets an error result in its place; the others go on.
 *
 * <p>NDJSON is read and written as a stream, one line at a time: memory does not grow with the
 * input, and results reach the caller while later lines are still being sent.
 *
 * <p>{@link BatchAdmission} decides whether a batch may start and cuts stalled ones; items are
 * evaluated in parallel on {@link EvaluationPool}'s threads, never on the HTTP worker threads.
 */
@Path("/api/v1/eligibility/batch")
@Tag(name = "Eligibility")
@RequiresRole(Role.INTEGRATION)
public class BatchResource {
    public static final String NDJSON = "application/x-ndjson";
    /** The NDJSON batch's own path, under the batch path: one operation, one media type, for generated clients. */
    public static final String NDJSON_PATH = "ndjson";
    /**
     * How an NDJSON answer is described for generators: a binary stream (a file, an InputStream),
     * with the schema of each line in {@code x-itemSchema} (OpenAPI 3.2's {@code itemSchema}).
     */
    private static final String NDJSON_BODY = "One JSON object per line (UTF-8, LF or CRLF line ends; blank lines are skipped but counted)";
    /**
     * A plain string rather than binary for the request: generators send a string as it is, while
     * some (Java native) serialize a File parameter as JSON. Hand-written clients stream it.
     */
    private static final String NDJSON_REQUEST = "NDJSON text: one BatchItem per line (UTF-8, LF or CRLF line ends; blank lines are "
            + "skipped but counted). Any length: stream it rather than build it in memory where your client allows";
    /** Response header naming the rule-set version of the whole batch. */
    public static final String RULESET_VERSION = "Ruleset-Version";
    /** Response header with the batch's id, also in every audit record of the batch. */
    public static final String BATCH_ID = "Batch-Id";

    private static final Logger LOG = Logger.getLogger(BatchResource.class);

    private final RuleSets ruleSets;
    private final RequestValidator validator;
    private final Evaluations evaluations;
    private final Caller caller;
    private final AuditLog audit;
    private final MeterRegistry metrics;
    private final ObjectReader itemReader;
    private final ObjectReader treeReader;
    private final ObjectWriter resultWriter;
    private final ObjectMapper json;
    private final int maxItems;
    private final int maxLineBytes;
    private final BatchAdmission admission;
    private final Map<String, Counter> lineCounters = new ConcurrentHashMap<>();
    private final EvaluationPool pool;
    private final long maxInflatedJson;
    private final long maxInflatedNdjson;
    private final long maxGzipRatio;

    public BatchResource(RuleSets ruleSets, RequestValidator validator, Evaluations evaluations, Caller caller,
                         AuditLog audit, MeterRegistry metrics, ObjectMapper json,
                         @ConfigProperty(name = "policy.batch.max-items", defaultValue = "1000") int maxItems,
                         @ConfigProperty(name = "policy.batch.max-line-bytes", defaultValue = "1048576") int maxLineBytes,
                         EvaluationPool pool, BatchAdmission admission,
                         @ConfigProperty(name = "policy.http.max-keyed-body-size", defaultValue = "10M") io.quarkus.runtime.configuration.MemorySize keyedLimit,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size") io.quarkus.runtime.configuration.MemorySize anyLimit,
                         @ConfigProperty(name = "policy.http.max-gzip-ratio", defaultValue = "200") long maxGzipRatio) {
        this.maxInflatedJson = keyedLimit.asLongValue();
        this.maxInflatedNdjson = anyLimit.asLongValue();
        this.maxGzipRatio = maxGzipRatio;
        this.pool = pool;
        this.admission = admission;
        this.ruleSets = ruleSets;
        this.validator = validator;
        this.evaluations = evaluations;
        this.caller = caller;
        this.audit = audit;
        this.metrics = metrics;
        this.json = json;
        this.itemReader = json.readerFor(BatchItem.class);
        this.treeReader = json.reader();
        this.resultWriter = json.writerFor(BatchResult.class);
        this.maxItems = maxItems;
        this.maxLineBytes = maxLineBytes;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "evaluateBatch", summary = "Evaluate many enterprise profiles",
            description = "Needs an API key with the integration role. The body is either a JSON array of BatchItem "
                    + "(Content-Type application/json, at most policy.batch.max-items items, default 1000), answered by a JSON "
                    + "array of BatchResult in the same order; or NDJSON (Content-Type application/x-ndjson), one BatchItem per "
                    + "line, answered by NDJSON, one BatchResult per non-blank input line, in input order, streamed as they are "
                    + "computed, with no limit on the number of lines (each line at most policy.batch.max-line-bytes bytes). "
                    + "An item that is malformed or invalid gets a result with an error (the problem document a single request "
                    + "would have received) and the batch goes on. The whole batch is evaluated with the rule set serving when "
                    + "it starts: its version is in the Ruleset-Version header and in every result.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = BatchItem.class, maxItems = 1000,
                            description = "Items to evaluate, at most policy.batch.max-items (default 1000)")),
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, description = NDJSON_REQUEST),
                    extensions = @Extension(name = "x-itemSchema", value = "{\"$ref\": \"#/components/schemas/BatchItem\"}", parseValue = true))})
    @APIResponse(responseCode = "200", description = "One result per item, in input order",
            headers = {
                    @Header(name = RULESET_VERSION, description = "Version of the rule set that evaluated the whole batch",
                            schema = @Schema(type = SchemaType.STRING, example = "sha256:2a8a01d2db2f0b6f0ebdec5124f8519a12f3524698e8e8a90ba23e14872e03fc")),
                    @Header(name = BATCH_ID, description = "Id of this batch (ULID), quoted in the audit record of each of its evaluations",
                            schema = @Schema(type = SchemaType.STRING, example = "01JDQ3Z6X8M5T2B7K9R4W1N0PA"))},
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = BatchResult.class)),
                    @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary", description = NDJSON_BODY),
                            extensions = @Extension(name = "x-itemSchema", value = "{\"$ref\": \"#/components/schemas/BatchResult\"}",
                                    parseValue = true))})
    @APIResponse(responseCode = "400", description = "The JSON body is not a JSON array, or is not valid JSON (an NDJSON body never "
            + "fails as a whole: each bad line gets its own error result); or explain is not 'all', or view is not 'full', 'summary' or 'compact'",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No API key, or an unknown one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The API key lacks the integration role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The JSON array has more than policy.batch.max-items items, or the body is larger "
            + "than the configured limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many batches are running: of this client "
            + "(policy.batch.max-concurrent-per-client) or in all (policy.batch.max-concurrent). Retry after the seconds the "
            + "Retry-After header gives. An admitted batch is cut (connection closed) when the client sends nothing, or does not "
            + "take its results, for policy.batch.idle-timeout, or when it runs longer than policy.batch.max-duration",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(type = SchemaType.INTEGER, example = "30")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No rule set is active yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response batch(@BeanParam BatchParameters parameters,
                          @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @Context HttpServerRequest request, InputStream sent) throws IOException {
        boolean ndjson = contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(NDJSON));
        return run(parameters, ndjson, request, sent);
    }

    @POST
    @Path(NDJSON_PATH)
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "evaluateBatchNdjson", summary = "Evaluate many enterprise profiles, streamed as NDJSON",
            description = "The NDJSON batch as an operation of its own, for generated clients: the same as POST "
                    + "/api/v1/eligibility/batch with Content-Type application/x-ndjson. Send one BatchItem per line as a stream "
                    + "(a file, an InputStream) and read the answer as a stream, one BatchResult per non-blank input line in input "
                    + "order, written as it is computed while you are still sending, then a last line holding only end. A stream "
                    + "without the end line was cut: resend the lines after the last line received, with firstLine. Over HTTP/1.1 "
                    + "many clients send the whole body before they read: use HTTP/2 (h2c in the cluster) for large batches.")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON,
            schema = @Schema(type = SchemaType.STRING, description = NDJSON_REQUEST),
            extensions = @Extension(name = "x-itemSchema", value = "{\"$ref\": \"#/components/schemas/BatchItem\"}", parseValue = true)))
    @APIResponse(responseCode = "200", description = "One result per non-blank input line, in input order, then the end line",
            headers = {
                    @Header(name = RULESET_VERSION, description = "Version of the rule set that evaluated the whole batch",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = BATCH_ID, description = "Id of this batch (ULID)", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary", description = NDJSON_BODY),
                    extensions = @Extension(name = "x-itemSchema", value = "{\"$ref\": \"#/components/schemas/BatchResult\"}",
                            parseValue = true)))
    @APIResponse(responseCode = "400", description = "A query parameter is wrong (each bad line gets its own error result)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No API key, or an unknown one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The API key lacks the integration role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "A gzip body inflates past policy.http.max-gzip-ratio times its size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "A Content-Encoding other than gzip",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many batches are running; retry after Retry-After seconds",
            headers = {
                    @Header(name = "Retry-After", description = "Seconds to wait before trying again", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "RateLimit-Limit", description = "Batches that may run (of this client, or in all)",
                            schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "RateLimit-Remaining", description = "Always 0 on a 429", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "RateLimit-Reset", description = "Seconds until a retry may succeed (as Retry-After)",
                            schema = @Schema(type = SchemaType.INTEGER))},
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No rule set is active yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response batchNdjson(@BeanParam BatchParameters parameters, @Context HttpServerRequest request, InputStream sent)
            throws IOException {
        return run(parameters, true, request, sent);
    }

    private Response run(BatchParameters parameters, boolean ndjson, HttpServerRequest request, InputStream sent) throws IOException {
        String explain = parameters.explain;
        View view = View.parse(parameters.view);
        Long firstLine = parameters.firstLine;
        if (explain != null && !explain.equals("all")) throw RequestValidator.invalid("explain", "must be 'all' or absent");
        if (firstLine != null && firstLine < 1) throw RequestValidator.invalid("firstLine", "must be 1 or more");
        Batch batch = new Batch(ruleSets.serving(), Ulid.next(), caller.name(), "all".equals(explain), view,
                StatusFilter.parse(parameters.status), Text.language(parameters.acceptLanguage));
        if (firstLine != null && !ndjson) throw RequestValidator.invalid("firstLine", "is for NDJSON bodies only");
        InputStream body = decoded(sent, parameters.contentEncoding, ndjson ? maxInflatedNdjson : maxInflatedJson);
        BatchAdmission.Permit permit = admission.admit(batch.client, batch.id, () -> request.response().reset());
        Response.ResponseBuilder response;
        if (ndjson) {
            response = Response.ok((StreamingOutput) out -> {
                try (permit) {
                    batch.streamNdjson(permit.watch(body), permit.watch(out), firstLine == null ? 1 : firstLine);
                }
            }, NDJSON);
        } else {
            try (permit) {
                response = Response.ok(batch.arrayWriter.writeValueAsBytes(batch.jsonArray(permit.watch(body))),
                        MediaType.APPLICATION_JSON);
            }
        }
        return response.header(RULESET_VERSION, batch.ruleSet.version()).header(BATCH_ID, batch.id).build();
    }

    private InputStream decoded(InputStream body, String contentEncoding, long maxBytes) {
        if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.strip().equalsIgnoreCase("identity")) return body;
        if (contentEncoding.strip().equalsIgnoreCase("gzip")) return GzipBody.open(body, maxBytes, maxGzipRatio);
        throw new ProblemException(Problem.of("unsupported-encoding", "Unsupported Media Type", 415,
                "Content-Encoding '" + contentEncoding.strip() + "' is not supported: send gzip or an uncompressed body"));
    }

    /** One batch: its rule set, fixed when it starts, and its counts. */
    private final class Batch {
        final RuleSet ruleSet;
        final String id;
        final String client;
        final boolean explainAll;
        final View view;
        final StatusFilter statuses;
        final ObjectWriter writer;
        final ObjectWriter arrayWriter;
        final AtomicLong evaluated = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        /** The request this batch came in: its item problems and audit records name it. */
        final String requestId = RequestIds.current();

        Batch(RuleSet ruleSet, String id, String client, boolean explainAll, View view, StatusFilter statuses,
              String language) {
            this.statuses = statuses;
            this.writer = resultWriter.withAttribute(Text.LANGUAGE, language);
            this.arrayWriter = json.writerFor(new com.fasterxml.jackson.core.type.TypeReference<List<BatchResult>>() { })
                    .withAttribute(Text.LANGUAGE, language);
            this.ruleSet = ruleSet;
            this.id = id;
            this.client = client;
            this.explainAll = explainAll;
            this.view = view;
        }

        /** Reads the whole array first (it is bounded by the JSON body limit), so too many items cost no evaluation. */
        List<BatchResult> jsonArray(InputStream body) throws IOException {
            List<TokenBuffer> items = new ArrayList<>();
            try (JsonParser parser = json.getFactory().createParser(body)) {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("",
                            first == null ? "a JSON array body is required" : "must be a JSON array of batch items"))));
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (items.size() == maxItems) {
                        throw new ProblemException(Problem.of("too-many-items", "Too many items", 413, "a JSON batch holds at most "
                                + maxItems + " items (policy.batch.max-items); send larger batches as NDJSON (Content-Type: "
                                + NDJSON + ")"));
                    }
                    items.add(TokenBuffer.asCopyOfValue(parser));
                }
            }
            List<BatchResult> results = new ArrayList<>(items.size());
            OrderedParallel<BatchResult> parallel = new OrderedParallel<>(pool.executor(), 2 * pool.parallelism(), results::add);
            for (int index = 0; index < items.size(); index++) {
                int at = index;
                TokenBuffer item = items.set(index, null);
                parallel.submit(() -> unchecked(() -> evaluate(null, at, item)));
            }
            parallel.finish();
            finish("json");
            return results;
        }

        /**
         * Lines are read and parsed here, evaluated on the evaluation pool (at most twice its
         * parallelism in flight), and written here in input order. When the caller pauses, what is
         * in flight is finished and flushed, so results still reach a caller that sends slowly.
         */
        void streamNdjson(InputStream body, java.io.OutputStream out, long firstLine) throws IOException {
            NdjsonLines lines = new NdjsonLines(body, maxLineBytes, firstLine);
            OrderedParallel<BatchResult> parallel = new OrderedParallel<>(pool.executor(), 2 * pool.parallelism(),
                    result -> write(out, result));
            try {
                for (NdjsonLines.Line line = nextLine(lines, parallel); line != null; line = nextLine(lines, parallel)) {
                    if (line.tooLong) {
                        BatchResult result = rejected("ndjson", line.number, null, null, Problem.of("line-too-long", "Line too long",
                                413, "line " + line.number + " is longer than " + maxLineBytes + " bytes (policy.batch.max-line-bytes)"));
                        parallel.submit(() -> result);
                    } else if (line.blank()) {
                        continue;
                    } else {
                        long number = line.number;
                        TokenBuffer item;
                        try (JsonParser parser = json.getFactory().createParser(line.bytes, 0, line.length)) {
                            parser.nextToken();
                            item = TokenBuffer.asCopyOfValue(parser);
                            if (parser.nextToken() != null) {
                                throw new com.fasterxml.jackson.core.JsonParseException(parser, "more than one JSON value on the line");
                            }
                        } catch (JsonProcessingException e) {
                            BatchResult result = rejected("ndjson", number, null, null, lineProblem(number, ProblemMappers.problemOf(e)));
                            parallel.submit(() -> result);
                            continue;
                        }
                        parallel.submit(() -> unchecked(() -> evaluate(number, null, item)));
                    }
                    if (!lines.ready()) {
                        parallel.finish();
                        out.flush();
                    }
                }
                parallel.finish();
                // Only a batch that ran to its end gets this line: a cut one has none, which the caller can see in-band.
                out.write(writer.writeValueAsBytes(BatchResult.end(new BatchResult.End(evaluated.get() + rejected.get(),
                        rejected.get(), ruleSet.version()))));
                out.write('\n');
            } catch (BodyRefused e) {
                out.flush();
            } finally {
                finish("ndjson");
            }
        }

        /**
         * The next line; when the body is refused while it is read (a gzip bomb) after results were
         * written, the refusal is the last result and the stream ends without its end line.
         */
        private NdjsonLines.Line nextLine(NdjsonLines lines, OrderedParallel<BatchResult> parallel) throws IOException {
            try {
                return lines.next();
            } catch (ProblemException e) {
                if (evaluated.get() + rejected.get() == 0) throw e;
                BatchResult refusal = rejected("ndjson", lines.lastNumber() + 1, null, null, e.problem());
                parallel.submit(() -> refusal);
                parallel.finish();
                throw new BodyRefused();
            }
        }

        private void write(java.io.OutputStream out, BatchResult result) throws IOException {
            out.write(writer.writeValueAsBytes(result));
            out.write('\n');
        }

        /** A parse error's location is within the line: say which line. */
        private Problem lineProblem(long number, Problem problem) {
            return new Problem(problem.type(), problem.title(), problem.status(), "line " + number + ": " + problem.detail(),
                    problem.errors());
        }

        /** Evaluates one item on a pool thread, which logs under the batch's request id. */
        BatchResult evaluate(Long line, Integer index, TokenBuffer source) throws IOException {
            if (requestId == null) return evaluateItem(line, index, source);
            org.jboss.logging.MDC.put(RequestIds.MDC_KEY, requestId);
            try {
                return evaluateItem(line, index, source);
            } finally {
                org.jboss.logging.MDC.remove(RequestIds.MDC_KEY);
            }
        }

        private BatchResult evaluateItem(Long line, Integer index, TokenBuffer source) throws IOException {
            String format = line != null ? "ndjson" : "json";
            BatchItem item;
            try {
                item = itemReader.readValue(source.asParser());
            } catch (JsonProcessingException e) {
                Problem problem = ProblemMappers.problemOf(e);
                return rejected(format, line, index, idOf(source), line != null ? lineProblem(line, problem) : problem);
            }
            try {
                validator.body(item);
                RequestValidator.inputs(ruleSet, item.profile());
                LocalDate asOf = Evaluations.asOf(item.asOf());
                Evaluation evaluation = evaluations.evaluate(ruleSet, asOf, item.profile(), explainAll, Evaluations.Mode.batch,
                        new AuditLog.Origin(client, id, line == null ? (index == null ? null : index + 1) : Math.toIntExact(line), item.id()));
                evaluated.incrementAndGet();
                count(format, "evaluated");
                return BatchResult.ok(line, index, item.id(), ruleSet.version(), statuses.apply(evaluation), view);
            } catch (ProblemException e) {
                return rejected(format, line, index, item.id(), e.problem());
            } catch (RuleFiringLimitException e) {
                LOG.errorf("runaway rule in measure %s (batch %s): %s", e.measureId(), id, e.getMessage());
                return failed(format, line, index, item.id(), ProblemMappers.problemOf(e));
            } catch (RuntimeException e) {
                LOG.errorf(e, "unexpected error in batch %s", id);
                return failed(format, line, index, item.id(), Problem.of("internal", "Internal error", 500,
                        "the service could not evaluate this item; it has been logged"));
            }
        }

        private BatchResult rejected(String format, Long line, Integer index, String itemId, Problem problem) {
            rejected.incrementAndGet();
            count(format, "invalid");
            return BatchResult.failed(line, index, itemId, ruleSet.version(), ofThisBatch(problem));
        }

        private BatchResult failed(String format, Long line, Integer index, String itemId, Problem problem) {
            rejected.incrementAndGet();
            count(format, "failed");
            return BatchResult.failed(line, index, itemId, ruleSet.version(), ofThisBatch(problem));
        }

        private Problem ofThisBatch(Problem problem) {
            return requestId == null ? problem : problem.withInstance(RequestIds.URN + requestId);
        }

        private void finish(String format) {
            audit.batch(id, client, format, ruleSet.version(), evaluated.get(), rejected.get());
        }
    }

    /** The body was refused mid-stream; its refusal has been written. */
    private static final class BodyRefused extends RuntimeException {
        BodyRefused() {
            super(null, null, false, false);
        }
    }

    /** An item's evaluation as a task: a read error of its buffered JSON cannot happen, but is not hidden if it does. */
    private static BatchResult unchecked(IoTask task) {
        try {
            return task.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private interface IoTask {
        BatchResult get() throws IOException;
    }

    /** The item's own id, when it has a string one, even if the rest of the item is not valid. */
    private String idOf(TokenBuffer source) {
        try {
            JsonNode node = treeReader.readTree(source.asParser());
            JsonNode id = node == null ? null : node.get("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void count(String format, String outcome) {
        lineCounters.computeIfAbsent(format + '/' + outcome, k -> Counter.builder("huiqi.batch.lines")
                .description("Batch items processed, by input format and outcome (evaluated, invalid, failed)")
                .tag("format", format)
                .tag("outcome", outcome)
                .register(metrics)).increment();
    }
}
