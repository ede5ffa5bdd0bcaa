package org.huiqi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.rules.Measure;

/**
 * What a registry-scale match acts on and nothing else: per result the measure, its status, the
 * amount and what is missing. No texts, criteria or citations (the catalog and a full evaluation
 * have them), and what is absent or empty is left out, so a line costs tens of bytes per result.
 */
@Schema(name = "CompactEvaluation", description = "An evaluation reduced to what a registry-scale match acts on "
        + "(view=compact, or POST /api/v1/eligibility/compact): per result only the measure, the status, the amount and the "
        + "missing fields. Absent means none: no amount, no missing field, no project.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompactEvaluation(
        @Schema(required = true, description = "Unique id of the evaluation (ULID): quote it to fetch or discuss the full one",
                example = "01JDQ3Z6X8M5T2B7K9R4W1N0PA") String evaluationId,
        @Schema(required = true, description = "The evaluation date", example = "2025-06-01") String asOf,
        @Schema(description = "Version of the rule set that evaluated it; absent in a batch result, which carries it beside",
                example = "sha256:2a8a01d2db2f0b6f0ebdec5124f8519a12f3524698e8e8a90ba23e14872e03fc") String rulesetVersion,
        @Schema(required = true, description = "One entry per measure result, as in the full evaluation") List<Result> results) {

    @Schema(name = "CompactResult", description = "A measure result reduced to its status, amount and missing fields.")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Result(
            @Schema(required = true, example = "GD-XSG-2025") String measureId,
            @Schema(description = "The project this result is for; absent for enterprise measures", example = "p1") String projectId,
            @Schema(required = true, example = "ELIGIBLE") MeasureResult.Status status,
            @Schema(description = "The computed amount; absent when not known") Amount amount,
            @Schema(description = "Profile fields that would decide a NEEDS_INFO result; absent when none",
                    example = "[\"financials.2024.rdExpense\"]") List<String> missingFields) {
    }

    @Schema(name = "CompactAmount", description = "A computed amount and how to read it.")
    public record Amount(
            @Schema(required = true, example = "20") BigDecimal value,
            @Schema(description = "EXACT the award; UP_TO a ceiling, never the award itself; ESTIMATE from the figures given",
                    example = "EXACT") Measure.Basis basis,
            @Schema(required = true, description = "Always " + MeasureResult.Benefit.MONEY_UNIT + " (10,000 CNY)", example = MeasureResult.Benefit.MONEY_UNIT) String unit) {
    }

    /** The compact form of an evaluation; {@code rulesetVersion} only where nothing beside it says it. */
    public static CompactEvaluation of(Evaluation evaluation, boolean withVersion) {
        return new CompactEvaluation(evaluation.evaluationId(), evaluation.asOf().toString(),
                withVersion ? evaluation.ruleset().version() : null,
                evaluation.results().stream().map(CompactEvaluation::result).toList());
    }

    private static Result result(MeasureResult r) {
        BigDecimal value = r.benefit().amount();
        return new Result(r.measureId(), r.projectId(), r.status(),
                value == null ? null : new Amount(value, r.benefit().basis(), MeasureResult.Benefit.MONEY_UNIT), r.missingFields());
    }
}
