package org.huiqi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.huiqi.api.batch.BatchResource;

/**
 * Request body limits, answered as problem documents.
 *
 * <p>Quarkus enforces one limit for every body ({@code quarkus.http.limits.max-body-size}) and
 * answers an empty 413. An NDJSON batch must be allowed to be far larger than any JSON body — it
 * is read line by line in constant memory — so Quarkus's limit is set high, as the bound for any
 * body. Every other body is held to {@code policy.http.max-json-body-size} (a self-check profile
 * is a few kilobytes) and read whole into memory before the request reaches a worker
 * ({@link RequestBodies}), except the bodies of the two endpoints that need a key and read their
 * body themselves once the key is checked: a JSON batch (up to {@code policy.batch.max-items}
 * profiles) and an impact draft. Those are held to {@code policy.http.max-keyed-body-size}.
 * Limits are checked against Content-Length before the body is read (with
 * {@code Expect: 100-continue} the client does not even send it); a chunked body is cut off when
 * it passes its limit.
 */
@ApplicationScoped
public class BodyLimits {
    /** Where Quarkus's request input stream looks for the limit of a chunked body. */
    private static final String STREAM_LIMIT = "io.quarkus.max-request-size";
    private static final String BATCH = "/api/v1/eligibility/batch";
    private static final String BATCH_NDJSON = BATCH + "/" + BatchResource.NDJSON_PATH;
    private static final String IMPACT = "/api/v1/admin/impact";

    private final long jsonLimit;
    private final long keyedLimit;
    private final long anyLimit;
    private final ObjectMapper json;

    public BodyLimits(@ConfigProperty(name = "policy.http.max-json-body-size", defaultValue = "1M") MemorySize jsonLimit,
                      @ConfigProperty(name = "policy.http.max-keyed-body-size", defaultValue = "10M") MemorySize keyedLimit,
                      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize anyLimit,
                      ObjectMapper json) {
        this.anyLimit = anyLimit.asLongValue();
        this.jsonLimit = Math.min(jsonLimit.asLongValue(), this.anyLimit);
        this.keyedLimit = Math.min(keyedLimit.asLongValue(), this.anyLimit);
        this.json = json;
    }

    /** What a request's body is held to. */
    enum Kind {
        /** An NDJSON batch: streamed line by line, any length. */
        STREAMED,
        /** A JSON batch or an impact draft: read by its endpoint after the key is checked. */
        KEYED,
        /** Every other body: read whole, on the event loop, before the request reaches a worker. */
        BUFFERED
    }

    static Kind kind(HttpServerRequest request) {
        String path = request.path();
        if (BATCH_NDJSON.equals(path)) return Kind.STREAMED;
        if (BATCH.equals(path)) {
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            return type != null && type.toLowerCase().startsWith(BatchResource.NDJSON) ? Kind.STREAMED : Kind.KEYED;
        }
        return path == null || readBeforeDispatch(path) ? Kind.BUFFERED : Kind.KEYED;
    }

    /** Whether bodies sent to this path are read whole before the request reaches a worker ({@link RequestBodies}). */
    static boolean readBeforeDispatch(String path) {
        return !BATCH.equals(path) && !BATCH_NDJSON.equals(path) && !path.startsWith(IMPACT);
    }

    /** The most bytes a body of this request may have. */
    long limit(HttpServerRequest request) {
        return switch (kind(request)) {
            case STREAMED -> anyLimit;
            case KEYED -> keyedLimit;
            case BUFFERED -> jsonLimit;
        };
    }

    /** Why the body is refused, for the 413 problem: the limit and the setting that sets it. */
    String tooLargeDetail(HttpServerRequest request, String size) {
        long limit = limit(request);
        return "the body is " + size + "; at most " + limit + " bytes are accepted " + switch (kind(request)) {
            case STREAMED -> "(quarkus.http.limits.max-body-size)";
            case KEYED -> "for a JSON batch or an impact draft (policy.http.max-keyed-body-size)"
                    + (BATCH.equals(request.path()) ? "; send larger batches as NDJSON" : "");
            case BUFFERED -> "for this body (policy.http.max-json-body-size)";
        };
    }

    void install(@Observes Router router) {
        // Before Quarkus's own check (order -2), so an oversize body is answered with a problem document.
        router.route().order(-3).handler(this::checkLength);
        // After it, so a chunked keyed body is held to its limit rather than the general one.
        router.route().order(-1).handler(this::limitStream);
    }

    private void checkLength(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            if (bytes > limit(request)) {
                refuse(context, Problem.of("body-too-large", "Payload too large", 413, tooLargeDetail(request, bytes + " bytes")));
                return;
            }
        }
        context.next();
    }

    private void limitStream(RoutingContext context) {
        if (kind(context.request()) == Kind.KEYED && context.get(STREAM_LIMIT) != null) context.put(STREAM_LIMIT, keyedLimit);
        context.next();
    }

    /** Answers {@code problem} with Connection: close, since the unread body would otherwise have to be drained first. */
    Future<Void> refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem.ofThisRequest());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) return Future.succeededFuture();
        return response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
