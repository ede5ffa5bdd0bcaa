package org.huiqi.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a request body whole, on the event loop, before the request is handed to a worker thread.
 *
 * <p>Quarkus REST runs a blocking endpoint (every endpoint here that takes a body) on a worker
 * and lets Jackson read the body there, blocking on the socket while it arrives: it buffers a body
 * first only for non-blocking endpoints ({@code InputHandler}, {@code quarkus.rest.input-buffer-size}).
 * So a client that sends its headers and then a byte every 30 s held a worker, and some 200 such
 * clients held them all — every endpoint, and the probes that run on workers, stopped answering.
 * Here the body is read as it arrives, without a thread, and the request goes on to a worker only
 * once it is complete (Quarkus REST then reads it from memory). A body that has not arrived
 * {@code policy.http.body-deadline} after its headers gets 408 and the connection is closed, so a
 * slow client holds a connection for that long at most.
 *
 * <p>Bodies in memory — being read, or read and waiting for their answer — may hold at most
 * {@code policy.http.max-buffered-body-bytes} together; a body that would pass it gets 503 with
 * Retry-After and the connection is closed. Bytes are counted as they arrive, not as announced,
 * so clients that announce large bodies and send nothing cost nothing.
 *
 * <p>The bodies {@link BodyLimits} calls streamed or keyed (an NDJSON batch, a JSON batch, an
 * impact draft) are left to their endpoints, which read them only after the key is checked and
 * bound them themselves ({@code BatchAdmission}, its idle timeout).
 */
@ApplicationScoped
public class RequestBodies {
    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private final BodyLimits limits;
    private final Vertx vertx;
    private final long deadlineMillis;
    private final long budget;
    private final AtomicLong held = new AtomicLong();

    public RequestBodies(BodyLimits limits, Vertx vertx,
                         @ConfigProperty(name = "policy.http.body-deadline", defaultValue = "10s") Duration deadline,
                         @ConfigProperty(name = "policy.http.max-buffered-body-bytes", defaultValue = "64M") MemorySize budget) {
        this.limits = limits;
        this.vertx = vertx;
        this.deadlineMillis = Math.max(1, deadline.toMillis());
        this.budget = budget.asLongValue();
    }

    void install(@Observes Router router) {
        // After BodyLimits' length check (order -3) and Quarkus's own (-2), before any resource.
        router.route().order(-1).handler(this::read);
    }

    /** Bytes of bodies in memory now. */
    long held() {
        return held.get();
    }

    private void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (BodyLimits.kind(request) != BodyLimits.Kind.BUFFERED || !hasBody(request) || request.isEnded()) {
            context.next();
            return;
        }
        new Reading(context, limits.limit(request)).start();
    }

    /**
     * A body is announced by a non-zero Content-Length or by chunked transfer, and only the methods
     * that carry one are read. HTTP/2 requests (h2c, which the JDK's HttpClient asks for by default,
     * and which NDJSON batches need to stream both ways) are left to Quarkus REST as before: it
     * pauses every request it takes, and pausing an HTTP/2 stream that has ended throws, so a body
     * read here answered 500. h2c is reachable only inside the cluster: the ingress speaks HTTP/1.1
     * to the pods, so the public path is always read here (docs/deploy.md).
     */
    private static boolean hasBody(HttpServerRequest request) {
        if (!BODY_METHODS.contains(request.method()) || request.version() == HttpVersion.HTTP_2) return false;
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) return true;
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.strip().equals("0");
    }

    /** One body being read. Everything here runs on the connection's event loop. */
    private final class Reading {
        private final RoutingContext context;
        private final long limit;
        private final Buffer body = Buffer.buffer();
        /** This body's bytes in the budget; released from whichever thread ends the exchange. */
        private final AtomicLong reserved = new AtomicLong();
        private boolean over;
        private long timer;

        Reading(RoutingContext context, long limit) {
            this.context = context;
            this.limit = limit;
        }

        void start() {
            HttpServerRequest request = context.request();
            timer = vertx.setTimer(deadlineMillis, id -> expire());
            // However the exchange ends (answered, refused, connection lost), its bytes leave the budget.
            context.addEndHandler(ended -> release());
            request.exceptionHandler(e -> {
                finish();
                release();
            });
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT)) && request.version() != HttpVersion.HTTP_1_0) {
                context.response().writeContinue();
            }
            request.handler(this::chunk).endHandler(v -> end()).resume();
        }

        private void chunk(Buffer chunk) {
            if (over) return;
            if (body.length() + (long) chunk.length() > limit) {
                refuse(Problem.of("body-too-large", "Payload too large", 413,
                        limits.tooLargeDetail(context.request(), "more than " + limit + " bytes")));
                return;
            }
            if (held.addAndGet(chunk.length()) > budget) {
                held.addAndGet(-chunk.length());
                refuse(Problem.of("server-busy", "Server busy", 503, "too many request bodies are being read at once "
                        + "(policy.http.max-buffered-body-bytes); retry after the seconds Retry-After gives"));
                return;
            }
            reserved.addAndGet(chunk.length());
            body.appendBuffer(chunk);
        }

        private void end() {
            if (over) return;
            finish();
            ((RoutingContextInternal) context).setBody(body);
            context.next();
        }

        private void expire() {
            if (over) return;
            refuse(Problem.of("body-timeout", "Request timeout", 408, "the body did not arrive within "
                    + deadlineMillis + " ms of the request's headers (policy.http.body-deadline)"));
        }

        private void refuse(Problem problem) {
            finish();
            release();
            if (problem.status() == 503) context.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
            // The rest of the body is not waited for: the answer goes out and the connection is closed.
            limits.refuse(context, problem).onComplete(sent -> context.request().connection().close());
        }

        /** Nothing more of this body is read or timed. */
        private void finish() {
            over = true;
            vertx.cancelTimer(timer);
        }

        private void release() {
            held.addAndGet(-reserved.getAndSet(0));
        }
    }
}
