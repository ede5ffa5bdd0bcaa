package org.huiqi.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.huiqi.api.access.KeyAttempts;
import org.huiqi.api.access.Role;
import org.huiqi.rules.ActiveRuleSet;
import org.huiqi.rules.ReloadOutcome;
import org.huiqi.rules.RuleProblem;
import org.huiqi.rules.RuleSet;
import org.huiqi.scenarios.ScenarioRunner;

/**
 * The serving rule set, open to anyone. Anonymous callers see paths only relative to the rules
 * directory and no text a rule threw (it is whatever the rule's code put there); the admin key
 * sees the directory's path and the full messages, which staff need to find a fault.
 */
@Path("/api/v1/ruleset")
@Tag(name = "Rule set")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {
    /** An absolute file path (two segments at least), as a link target or a directory in a message. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.])/(?:[A-Za-z0-9._@+-]+/)+[A-Za-z0-9._@+-]*");
    private static final String BUILD_FAILED = "规则集无法构建，详情见服务日志 / the rule set could not be built; the service log has the details";

    private final ActiveRuleSet active;
    private final KeyAttempts keys;
    private final RuleFaultLog faults;

    public RuleSetResource(ActiveRuleSet active, KeyAttempts keys, RuleFaultLog faults) {
        this.active = active;
        this.faults = faults;
        this.keys = keys;
    }

    @Schema(description = "The active rule set and the outcome of the last build.")
    public record RuleSetInfo(
            @Schema(description = "Version of the serving rule set; null when none has built", example = "sha256:3f2a…") String version,
            Instant loadedAt,
            @Schema(description = "Where the rules were read from: 'directory' (the configured rules directory; its path with the "
                    + "admin key), or 'embedded'") String source,
            int measureCount,
            @Schema(description = "Files of the serving rule set, relative to the rules directory") List<String> files,
            ReloadOutcome lastReload,
            @Schema(required = true, description = "Rules of the serving rule set that failed while answering since it was "
                    + "activated (their measures answered ERROR), most recent first; emptied by the next activation")
            List<RuleFaultLog.Seen> faults) {
    }

    @GET
    @Operation(operationId = "getRuleSet", summary = "The active rule set", description = "Version, load time, measure count, source files and "
            + "the last build's outcome with its errors by file and line, and the rules that failed while answering (their measures "
            + "answered ERROR). No key is needed; with the admin key the source "
            + "is the directory's path and errors keep what a rule threw.")
    @APIResponse(responseCode = "200", description = "The active rule set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetInfo.class)))
    @APIResponse(responseCode = "429", description = "A key was sent from an address that sent too many unknown API keys "
            + "(policy.api-keys.max-failures-per-minute); try again after Retry-After seconds",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleSetInfo ruleSet(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @Context HttpServerRequest request) {
        boolean staff = authorization != null && keys.identify(authorization, KeyAttempts.address(request))
                .filter(client -> client.roles().contains(Role.ADMIN)).isPresent();
        RuleSet ruleSet = active.current().orElse(null);
        String source = ruleSet == null ? active.source() : ruleSet.origin();
        ReloadOutcome last = active.lastReload();
        if (!staff) {
            source = source.equals("embedded") ? source : "directory";
            last = last == null ? null : new ReloadOutcome(last.status(), last.at(), last.version(),
                    last.errors().stream().map(RuleSetResource::forAnyone).toList());
        }
        if (ruleSet == null) return new RuleSetInfo(null, null, source, 0, List.of(), last, List.of());
        return new RuleSetInfo(ruleSet.version(), ruleSet.loadedAt(), source, ruleSet.measures().size(), ruleSet.files().paths(), last,
                faults.seen(staff));
    }

    /** A build problem as anyone may read it: no absolute path, no text a rule threw, no crash message. */
    static RuleProblem forAnyone(RuleProblem problem) {
        // "." problems are the build itself failing (an exception's message, which may say anything).
        if (problem.file().equals(".")) return new RuleProblem(".", 0, 0, BUILD_FAILED);
        String message = ABSOLUTE_PATH.matcher(ScenarioRunner.withoutThrownReason(problem.message())).replaceAll("…");
        return new RuleProblem(problem.file(), problem.line(), problem.column(), message);
    }
}
