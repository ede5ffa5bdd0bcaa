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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

    private final ActiveRuleSet active;
    private final EventSubscribers subscribers;
    private final KeyAttempts keys;
    /** What frees each open stream's place: run when the stream closes or fails. */
    private final Map<SseEventSink, Runnable> places = new ConcurrentHashMap<>();
    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    public RuleSetEventsResource(ActiveRuleSet active, EventSubscribers subscribers, KeyAttempts keys) {
        this.active = active;
        this.subscribers = subscribers;
        this.keys = keys;
        active.onActivation(this::publish);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Rule-set change events (Server-Sent Events)",
            description = "A stream that stays open. On connecting: event 'ruleset-current' with {\"version\"}. Then, each time a "
                    + "rule set is activated: event 'ruleset-activated' (id: its version) with a RuleSetChange: the new version, the "
                    + "previous one, and the measures added, removed and changed. Reconnect when the stream ends (EventSource does). "
                    + "Streams are limited per client (its API key if it sends one, else its address; "
                    + "policy.events.max-subscribers-per-client) and in all (policy.events.max-subscribers).")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = RuleSetChange.class)))
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
                       @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Runnable place = subscribers.admit(client(authorization, request));
        try {
            SseBroadcaster current = broadcaster(sse);
            String version = active.current().map(r -> r.version()).orElse(null);
            sink.send(sse.newEventBuilder().name(CURRENT).mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Map.class, version == null ? Map.of() : Map.of("version", version)).build());
            places.put(sink, place);
            current.register(sink);
            // A client gone before it was registered is not reported to the broadcaster's close handler.
            if (sink.isClosed()) free(sink);
        } catch (RuntimeException e) {
            place.run();
            throw e;
        }
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
        }
        return broadcaster;
    }

    private void free(SseEventSink sink) {
        Runnable place = places.remove(sink);
        if (place != null) place.run();
    }

    private void publish(RuleSetChange change) {
        SseBroadcaster current = broadcaster;
        if (current == null) return; // nobody has ever listened
        current.broadcast(sse.newEventBuilder().name(ACTIVATED).id(change.version()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(RuleSetChange.class, change).build());
    }
}
