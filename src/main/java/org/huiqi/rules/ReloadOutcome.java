package org.huiqi.rules;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What happened the last time the rules directory was built. */
@Schema(description = "Outcome of the last build of the rules directory.")
public record ReloadOutcome(
        @Schema(description = "ACTIVATED: the new rule set is serving; FAILED: the previous one keeps serving") Status status,
        Instant at,
        @Schema(description = "Version built, when the build succeeded") String version,
        @Schema(description = "Problems found, by file and line relative to the rules directory") List<RuleProblem> errors) {

    public enum Status { ACTIVATED, FAILED }
}
