package org.huiqi.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to one eligibility question. */
@Schema(description = "The answer to one eligibility request.")
public record Evaluation(
        @Schema(description = "Unique id of this evaluation (ULID), for reference", example = "01JDQ3Z6X8M5T2B7K9R4W1N0PA")
        String evaluationId,
        @Schema(description = "The evaluation date", example = "2026-11-22") LocalDate asOf,
        RuleSetRef ruleset,
        List<MeasureResult> results) {

    @Schema(description = "The rule set that produced the result.")
    public record RuleSetRef(@Schema(example = "sha256:3f2a…") String version, Instant loadedAt) {
    }
}
