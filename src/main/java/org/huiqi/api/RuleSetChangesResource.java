package org.huiqi.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For a client that polls instead of keeping an event stream open: what changed since the version it has. */
@Path("/api/v1/ruleset/changes")
@Tag(name = "Rule set")
public class RuleSetChangesResource {
    private final RuleSetHistory history;

    public RuleSetChangesResource(RuleSetHistory history) {
        this.history = history;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRuleSetChanges", summary = "Rule-set activations since a version",
            description = "The activations after the version given, oldest first, as the event stream sends them. When the service "
                    + "does not know that version (older than the policy.events.history activations it keeps, or never served "
                    + "here), complete is false: re-match every measure.")
    @APIResponse(responseCode = "200", description = "The activations since that version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetHistory.Since.class)))
    @APIResponse(responseCode = "400", description = "since is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleSetHistory.Since changes(@Parameter(required = true, description = "The rule-set version your results come from",
            example = "sha256:2a8a01d2db2f0b6f0ebdec5124f8519a12f3524698e8e8a90ba23e14872e03fc") @QueryParam("since") String since) {
        if (since == null || since.isBlank()) throw RequestValidator.invalid("since", "is required: the version your results come from");
        return history.since(since.strip());
    }
}
