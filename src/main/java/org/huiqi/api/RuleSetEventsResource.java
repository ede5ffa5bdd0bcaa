package org.huiqi.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.huiqi.api.access.KeyAttempts;
import org.huiqi.rules.ActiveRuleSet;
import org.huiqi.rules.RuleSetChange;

/**
 * Server-Sent Events for integrators: one {@code ruleset-activated} event each time a rule set is
 * activated, so a registry re-matches its enterprises when the rules change instead of polling.
 * On connecting, a {@code ruleset-current} event says which version serves, so a client that was
 * away can tell whether it missed a change.
 */
@Path("/api/v1/ruleset/events")
@Tag(name = "Rule set")
@Singleton
public class RuleSetEventsResource {
    public static final String ACTIVATED = "ruleset-activated";
    public static final String CURRENT = "ruleset-current";
    public static final String LAST_EVENT_ID = "Last-Event-ID";

    private final ActiveRuleSet active;
    private final EventSubscribers subscribers;
    private final KeyAttempts keys;
    private final RuleSetHistory history;
    private final io.vertx.core.Vertx vertx;
    private final long heartbeatMillis;
    private final long retryMillis;
    /** What frees each open stream's place: run when the stream closes or fails. */
    private final Map<SseEventSink, Runnable> places = new ConcurrentHashMap<>();
    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    public RuleSetEventsResource(ActiveRuleSet active, EventSubscribers subscribers, KeyAttempts keys, RuleSetHistory history,
                                 io.vertx.core.Vertx vertx,
                                 @ConfigProperty(name = "policy.events.heartbeat", defaultValue = "20s") Duration heartbeat,
                                 @ConfigProperty(name = "policy.events.retry", defaultValue = "5s") Duration retry) {
        this.active = active;
        this.subscribers = subscribers;
        this.keys = keys;
        this.history = history;
        this.vertx = vertx;
        this.heartbeatMillis = Math.max(100, heartbeat.toMillis());
        this.retryMillis = retry.toMillis();
        active.onActivation(this::publish);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamRuleSetEvents", summary = "Rule-set change events (Server-Sent Events)",
            description = "A text/event-stream that stays open (not one JSON document: read it with an EventSource or an SSE "
                    + "client). On connecting: the activations missed since the Last-Event-ID header's version, if it sends one and "
                    + "the service still keeps it, as 'ruleset-activated' events; then event 'ruleset-current' (id: the serving "
                    + "version, retry: the reconnection delay advised) with a RuleSetCurrent. Then, each time a rule set is "
                    + "activated: event 'ruleset-activated' (id: its version) with a RuleSetChange: the new version, the "
                    + "previous one, and the measures added, removed and changed. A comment line (': heartbeat') comes at least "
                    + "every policy.events.heartbeat (default 20 s), so gateways do not cut an idle stream. Reconnect when the "
                    + "stream ends, sending the last id seen as Last-Event-ID (EventSource does both). "
                    + "Streams are limited per client (its API key if it sends one, else its address; "
                    + "policy.events.max-subscribers-per-client) and in all (policy.events.max-subscribers).")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    description = "Server-Sent Events: 'event:', 'id:', 'retry:' and 'data:' lines, events separated by a blank "
                            + "line; comment lines start with ':'. The data of 'ruleset-activated' is a RuleSetChange, that of "
                            + "'ruleset-current' a RuleSetCurrent (both JSON)",
                    example = "event: ruleset-current\nid: sha256:2a8a…\nretry: 5000\ndata: {\"version\":\"sha256:2a8a…\"}\n\n: heartbeat\n\n"),
            extensions = @Extension(name = "x-itemSchema", parseValue = true, value = "{\"description\": \"The data of one event\", "
                    + "\"oneOf\": [{\"$ref\": \"#/components/schemas/RuleSetChange\"}, {\"$ref\": \"#/components/schemas/RuleSetCurrent\"}]}")))
    @APIResponse(responseCode = "401", description = "An API key was sent and is not known",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "This client has as many streams open as it may, or has sent too many unknown "
            + "API keys; try again after Retry-After seconds",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The service has as many streams open as it keeps; try again after Retry-After seconds",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void events(@Context SseEventSink sink, @Context Sse sse, @Context HttpServerRequest request,
                       @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @Parameter(description = "The last event id received on an earlier stream (a version): the activations "
                               + "since then are sent first, when the service still keeps them (policy.events.history)")
                       @HeaderParam(LAST_EVENT_ID) String lastEventId) {
        Runnable place = subscribers.admit(client(authorization, request));
        try {
            SseBroadcaster current = broadcaster(sse);
            synchronized (this) { // no activation is published between the replay and the registration
                String version = active.current().map(r -> r.version()).orElse(null);
                Boolean complete = null;
                if (lastEventId != null && !lastEventId.isBlank()) {
                    RuleSetHistory.Since missed = history.since(lastEventId.strip());
                    complete = missed.complete();
                    if (missed.complete()) missed.changes().forEach(change -> sink.send(activated(change)));
                }
                OutboundSseEvent.Builder event = sse.newEventBuilder().name(CURRENT).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .reconnectDelay(retryMillis).data(RuleSetCurrent.class, new RuleSetCurrent(version, complete));
                if (version != null) event.id(version);
                sink.send(event.build());
                places.put(sink, place);
                current.register(sink);
            }
            // A client gone before it was registered is not reported to the broadcaster's close handler.
            if (sink.isClosed()) free(sink);
        } catch (RuntimeException e) {
            place.run();
            throw e;
        }
    }

    @Schema(name = "RuleSetCurrent", description = "The version serving when the stream opened.")
    public record RuleSetCurrent(
            @Schema(description = "Version serving now; null before any rule set is active", example = "sha256:2a8a…") String version,
            @Schema(description = "Only when Last-Event-ID was sent: true when every activation since that version was sent just "
                    + "before this event; false when the service does not know that version (re-match every measure)")
            Boolean replayComplete) {
    }

    /** Who the stream counts against: the API key's client when one is sent, else the address. */
    private String client(String authorization, HttpServerRequest request) {
        String address = KeyAttempts.address(request);
        if (authorization == null) return "address " + address;
        return "key " + keys.identify(authorization, address).orElseThrow(() -> new ProblemException(Problem.of("unauthorized",
                "Unauthorized", 401, "the API key sent is not known; send none, or a known one"))).name();
    }

    private synchronized SseBroadcaster broadcaster(Sse given) {
        if (broadcaster == null) {
            sse = given;
            broadcaster = given.newBroadcaster();
            // A client that disconnects closes its sink: its place is free for another.
            broadcaster.onClose(this::free);
            broadcaster.onError((sink, error) -> free(sink));
            // An idle stream is cut by gateways and proxies after some 60 s: a comment line keeps it busy.
            vertx.setPeriodic(heartbeatMillis, id -> broadcaster.broadcast(given.newEventBuilder().comment("heartbeat").build()));
        }
        return broadcaster;
    }

    private void free(SseEventSink sink) {
        Runnable place = places.remove(sink);
        if (place != null) place.run();
    }

    private synchronized void publish(RuleSetChange change) {
        SseBroadcaster current = broadcaster;
        if (current == null) return; // nobody has ever listened
        current.broadcast(activated(change));
    }

    private OutboundSseEvent activated(RuleSetChange change) {
        return sse.newEventBuilder().name(ACTIVATED).id(change.version()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(RuleSetChange.class, change).build();
    }
}
