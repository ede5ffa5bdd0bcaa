package org.huiqi.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to one eligibility question. */
@Schema(description = "The answer to one eligibility request.")
public record Evaluation(
        @Schema(required = true, description = "Unique id of this evaluation (ULID), for reference", example = "01JDQ3Z6X8M5T2B7K9R4W1N0PA")
        String evaluationId,
        @Schema(required = true, description = "The evaluation date", example = "2026-11-22") LocalDate asOf,
        @Schema(required = true) RuleSetRef ruleset,
        @Schema(required = true, description = "One result per measure in force on asOf (per project for per-project measures)") List<MeasureResult> results,
        @Schema(description = "Measures of the enterprise's place not in force on asOf: ended in the last 24 months or "
                + "starting in the next 6, with their period, citation and what replaced them where known") List<NotInForce> notInForce) {

    @Schema(description = "The rule set that produced the result.")
    public record RuleSetRef(
            @Schema(required = true, description = "sha256: over the rule files' paths and contents", example = "sha256:3f2a…") String version,
            @Schema(required = true, description = "When this rule set was built and activated (UTC)", example = "2026-11-22T10:00:00Z") Instant loadedAt) {
    }
}
