package org.huiqi.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.huiqi.api.access.RequiresRole;
import org.huiqi.api.access.Role;
import org.huiqi.rules.ActiveRuleSet;
import org.huiqi.rules.ReloadOutcome;

@Path("/api/v1/admin")
@Tag(name = "Administration")
@RequiresRole(Role.ADMIN)
public class AdminResource {
    private final ActiveRuleSet active;

    public AdminResource(ActiveRuleSet active) {
        this.active = active;
    }

    @POST
    @Path("ruleset/reload")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "reloadRuleSet", summary = "Reload the rules directory now",
            description = "Builds the rules directory and runs its scenarios; activates it only if both succeed. "
                    + "On FAILED the previous rule set keeps serving and errors name file and line.")
    @APIResponse(responseCode = "200", description = "The outcome: ACTIVATED, UNCHANGED or FAILED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReloadOutcome.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key lacks the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReloadOutcome reload() {
        return active.reload();
    }
}
