package org.huiqi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
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
 * body, and JSON bodies get their own limit here ({@code policy.http.max-json-body-size}). Both
 * are checked against Content-Length before the body is read (with {@code Expect: 100-continue}
 * the client does not even send it). A chunked body has no length up front: it is cut off when
 * it passes the limit, with a bare 413 and the connection closed, by Quarkus's input stream.
 */
@ApplicationScoped
public class BodyLimits {
    /** Where Quarkus's request input stream looks for the limit of a chunked body. */
    private static final String STREAM_LIMIT = "io.quarkus.max-request-size";

    private final long jsonLimit;
    private final long anyLimit;
    private final ObjectMapper json;

    public BodyLimits(@ConfigProperty(name = "policy.http.max-json-body-size", defaultValue = "10M") MemorySize jsonLimit,
                      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize anyLimit,
                      ObjectMapper json) {
        this.anyLimit = anyLimit.asLongValue();
        this.jsonLimit = Math.min(jsonLimit.asLongValue(), this.anyLimit);
        this.json = json;
    }

    void install(@Observes Router router) {
        // Before Quarkus's own check (order -2), so an oversize body is answered with a problem document.
        router.route().order(-3).handler(this::checkLength);
        // After it, so a chunked JSON body is held to the JSON limit rather than the general one.
        router.route().order(-1).handler(this::limitStream);
    }

    private void checkLength(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean ndjson = isNdjsonBatch(request);
        long limit = ndjson ? anyLimit : jsonLimit;
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            if (bytes > limit) {
                tooLarge(context, "the body is " + bytes + " bytes; at most " + limit + " are accepted "
                        + (ndjson ? "(quarkus.http.limits.max-body-size)" : "for a JSON body (policy.http.max-json-body-size)"
                        + (request.path().equals(BATCH) ? "; send larger batches as NDJSON" : "")));
                return;
            }
        }
        context.next();
    }

    private void limitStream(RoutingContext context) {
        if (!isNdjsonBatch(context.request()) && context.get(STREAM_LIMIT) != null) context.put(STREAM_LIMIT, jsonLimit);
        context.next();
    }

    private static final String BATCH = "/api/v1/eligibility/batch";

    private static boolean isNdjsonBatch(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return BATCH.equals(request.path()) && type != null && type.toLowerCase().startsWith(BatchResource.NDJSON);
    }

    private void tooLarge(RoutingContext context, String detail) {
        String body;
        try {
            body = json.writeValueAsString(Problem.of("body-too-large", "Payload too large", 413, detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // The unread body would otherwise have to be drained before the next request.
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
