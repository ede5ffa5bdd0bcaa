package org.huiqi.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.huiqi.evaluation.Ulid;
import org.jboss.logging.MDC;

/**
 * One id per request, so a caller's "line 4,113 of last night's run failed" can be found in the
 * service's log and audit records. The caller's {@code X-Request-Id} is used when it sends one;
 * else the trace id of a W3C {@code traceparent}; else a new ULID. It is echoed in the
 * {@code X-Request-Id} response header (an id that is not 1-128 of {@code [A-Za-z0-9._:-]} is
 * replaced by a new one, which the header then shows), put in the log's MDC ({@value #MDC_KEY}, which Quarkus
 * carries from the event loop to the worker thread of the same request), in audit records, and in
 * the {@code instance} of every problem document.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String MDC_KEY = "requestId";
    /** What a caller's id may be: short, and safe in a header, a log line and a URN. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACE = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    public static final String URN = "urn:huiqi:request:";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RequestIds.class);

    void install(@Observes Router router) {
        // Before every other handler, so that even a refused body is answered with the id.
        router.route().order(-10).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        HttpServerRequest request = context.request();
        String sent = request.getHeader(HEADER);
        String id = sent != null ? sent.strip() : fromTraceparent(request.getHeader(TRACEPARENT));
        if (id == null || !VALID.matcher(id).matches()) {
            // Not refused: the answer matters more than the id, and the X-Request-Id answered says which one to quote.
            if (id != null) LOG.debugf("X-Request-Id of %d characters is not 1-128 of [A-Za-z0-9._:-]; a new one is used", id.length());
            id = Ulid.next();
        }
        context.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        context.addEndHandler(ended -> MDC.remove(MDC_KEY));
        context.next();
    }

    /** The trace id of a valid W3C traceparent (version 00 format), or null. */
    static String fromTraceparent(String traceparent) {
        if (traceparent == null) return null;
        var match = TRACE.matcher(traceparent.strip());
        return match.matches() && !match.group(1).equals("0".repeat(32)) ? match.group(1) : null;
    }

    /** The id of the request being handled on this thread, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** What a problem's {@code instance} says: this request, as a URN. Null outside a request. */
    public static String instance() {
        String id = current();
        return id == null ? null : URN + id;
    }
}
