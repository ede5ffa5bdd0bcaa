package org.huiqi.rules;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What happened the last time the rules directory was built. */
@Schema(description = "Outcome of the last build of the rules directory.")
public record ReloadOutcome(
        @Schema(description = "ACTIVATED: the new rule set is serving; UNCHANGED: the files are what is already serving; "
                + "FAILED: the previous rule set keeps serving") Status status,
        Instant at,
        @Schema(description = "Version built; for FAILED, the version that was rejected") String version,
        @Schema(description = "Problems found, by file and line relative to the rules directory; failing scenarios too")
        List<RuleProblem> errors) {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReloadStatus", description = "What a reload did")
    public enum Status { ACTIVATED, UNCHANGED, FAILED }
}
