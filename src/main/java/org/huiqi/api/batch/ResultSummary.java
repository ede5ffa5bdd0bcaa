package org.huiqi.api.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.MeasureResult;

/**
 * An evaluation without its explanations. A full result explains every criterion (some 75 KB at
 * the project's 26 measures); this is some 4 KB, and {@link org.huiqi.api.CompactEvaluation} less
 * (bytes per line measured in docs/performance.md).
 */
@Schema(name = "EvaluationSummary", description = "An evaluation with one short line per measure result (view=summary).")
public record ResultSummary(
        @Schema(required = true, description = "Unique id of the evaluation (ULID)", example = "01JDQ3Z6X8M5T2B7K9R4W1N0PA") String evaluationId,
        @Schema(required = true, description = "The evaluation date", example = "2025-06-01") String asOf,
        @Schema(required = true, description = "One entry per measure result, as in the full evaluation") List<Measure> results,
        @Schema(description = "As projectPlaces.presumed of the full evaluation: where the projects of a profile listing none were "
                + "presumed to be", example = "[\"450403\", \"450400\", \"450000\"]")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> projectsPresumedIn) {

    @Schema(name = "MeasureSummary", description = "A measure result without its criteria.")
    public record Measure(
            @Schema(required = true, example = "GD-XSG-2025") String measureId,
            @Schema(description = "The project this result is for; null for enterprise measures") String projectId,
            @Schema(required = true, description = "ELIGIBLE, NEEDS_INFO or NOT_ELIGIBLE", example = "ELIGIBLE") MeasureResult.Status status,
            @Schema(required = true, description = "True when exactly one criterion is NOT_MET") boolean nearMiss,
            @Schema(description = "Computed amount, 万元, when known", example = "5") BigDecimal amount,
            @Schema(description = "How to read amount: EXACT, UP_TO (a ceiling, never the award itself) or ESTIMATE", example = "EXACT")
            org.huiqi.rules.Measure.Basis basis,
            @Schema(required = true, description = "False when the measure or its amount is unconfirmed") boolean confirmed,
            @Schema(required = true, description = "Fields that would decide a NEEDS_INFO result") List<String> missingFields,
            @Schema(required = true, description = "Criteria that are NOT_MET") List<String> failedCriteria) {
    }

    static ResultSummary of(Evaluation evaluation) {
        return new ResultSummary(evaluation.evaluationId(), evaluation.asOf().toString(), evaluation.results().stream()
                .map(r -> new Measure(r.measureId(), r.projectId(), r.status(), r.nearMiss(), r.benefit().amount(),
                        r.benefit().basis(), r.benefit().confirmed(), r.missingFields(), r.failedCriteria()))
                .toList(), evaluation.projectPlaces() == null ? null : evaluation.projectPlaces().presumed());
    }
}
