package org.huiqi.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.huiqi.rules.ActiveRuleSet;
import org.huiqi.rules.ReloadOutcome;
import org.huiqi.rules.RuleSet;

@Path("/api/v1/ruleset")
@Tag(name = "Rule set")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {
    private final ActiveRuleSet active;

    public RuleSetResource(ActiveRuleSet active) {
        this.active = active;
    }

    @Schema(description = "The active rule set and the outcome of the last build.")
    public record RuleSetInfo(
            @Schema(description = "Version of the serving rule set; null when none has built", example = "sha256:3f2a…") String version,
            Instant loadedAt,
            @Schema(description = "Where the rules were read from: a directory, or 'embedded'") String source,
            int measureCount,
            @Schema(description = "Files of the serving rule set, relative to the rules directory") List<String> files,
            ReloadOutcome lastReload) {
    }

    @GET
    @Operation(summary = "The active rule set", description = "Version, load time, measure count, source files and "
            + "the last build's outcome with its errors by file and line.")
    public RuleSetInfo ruleSet() {
        RuleSet ruleSet = active.current().orElse(null);
        if (ruleSet == null) return new RuleSetInfo(null, null, active.source(), 0, List.of(), active.lastReload());
        return new RuleSetInfo(ruleSet.version(), ruleSet.loadedAt(), ruleSet.origin(), ruleSet.measures().size(),
                ruleSet.files().paths(), active.lastReload());
    }
}
