package org.huiqi.api;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    public RuleSetEventsResource(ActiveRuleSet active) {
        this.active = active;
        active.onActivation(this::publish);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Rule-set change events (Server-Sent Events)",
            description = "A stream that stays open. On connecting: event 'ruleset-current' with {\"version\"}. Then, each time a "
                    + "rule set is activated: event 'ruleset-activated' (id: its version) with a RuleSetChange: the new version, the "
                    + "previous one, and the measures added, removed and changed. Reconnect when the stream ends (EventSource does).")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = RuleSetChange.class)))
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        SseBroadcaster current = broadcaster(sse);
        String version = active.current().map(r -> r.version()).orElse(null);
        sink.send(sse.newEventBuilder().name(CURRENT).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(java.util.Map.class, version == null ? java.util.Map.of() : java.util.Map.of("version", version)).build());
        current.register(sink);
    }

    private synchronized SseBroadcaster broadcaster(Sse given) {
        if (broadcaster == null) {
            sse = given;
            broadcaster = given.newBroadcaster();
        }
        return broadcaster;
    }

    private void publish(RuleSetChange change) {
        SseBroadcaster current = broadcaster;
        if (current == null) return; // nobody has ever listened
        current.broadcast(sse.newEventBuilder().name(ACTIVATED).id(change.version()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(RuleSetChange.class, change).build());
    }
}
