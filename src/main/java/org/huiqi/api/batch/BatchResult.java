package org.huiqi.api.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.api.CompactEvaluation;
import org.huiqi.api.Problem;
import org.huiqi.evaluation.Evaluation;

/** The result of one batch item: its evaluation, or the problem that kept it from being evaluated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"line", "index", "id", "rulesetVersion", "evaluation", "summary", "compact", "error", "end"})
@Schema(name = "BatchResult", description = "The result of one batch item, in input order. Exactly one of evaluation (view=full), "
        + "summary (view=summary), compact (view=compact) and error is present. NDJSON results carry line, JSON-array results carry index. "
        + "An NDJSON answer that ran to its end closes with one more line holding only end: a stream without it was cut.")
public record BatchResult(
        @Schema(description = "NDJSON only: the 1-based number of the input line this result is for", example = "42", minimum = "1")
        Long line,
        @Schema(description = "JSON array only: the 0-based position of the item in the request array", example = "0", minimum = "0")
        Integer index,
        @Schema(description = "The item's id as sent, when it had one", example = "row-000123") String id,
        @Schema(description = "Version of the rule set the whole batch was evaluated with (the same on every result)",
                example = "sha256:2a8a01d2db2f0b6f0ebdec5124f8519a12f3524698e8e8a90ba23e14872e03fc")
        String rulesetVersion,
        @Schema(description = "The evaluation, when the item was valid (view=full)") Evaluation evaluation,
        @Schema(description = "The evaluation without explanations, when the item was valid (view=summary)") ResultSummary summary,
        @Schema(description = "Per measure result only its status, amount and missing fields, when the item was valid (view=compact)")
        CompactEvaluation compact,
        @Schema(description = "Why the item was not evaluated: the problem document a single request would have received "
                + "(status 400 for malformed or invalid input, 413 for an over-long line, 500 for an internal error)")
        Problem error,
        @Schema(description = "NDJSON only, alone on the last line of a batch that ran to its end: how many results it wrote. "
                + "A stream without it was cut: resend the lines after the last line received (see firstLine)")
        End end) {

    @Schema(name = "BatchEnd", description = "The end of an NDJSON batch that ran to its end.")
    public record End(
            @Schema(required = true, description = "Results written in this answer (one per non-blank input line)", example = "5000") long lines,
            @Schema(required = true, description = "Of those, results that carry an error", example = "3") long errors,
            @Schema(required = true, description = "Version of the rule set that evaluated the batch",
                    example = "sha256:2a8a01d2db2f0b6f0ebdec5124f8519a12f3524698e8e8a90ba23e14872e03fc") String rulesetVersion) {
    }

    public static BatchResult end(End end) {
        return new BatchResult(null, null, null, null, null, null, null, null, end);
    }

    static BatchResult ok(Long line, Integer index, String id, String version, Evaluation evaluation, View view) {
        return switch (view) {
            case full -> new BatchResult(line, index, id, version, evaluation, null, null, null, null);
            case summary -> new BatchResult(line, index, id, version, null, ResultSummary.of(evaluation), null, null, null);
            case compact -> new BatchResult(line, index, id, version, null, null, CompactEvaluation.of(evaluation, false), null, null);
        };
    }

    public static BatchResult failed(Long line, Integer index, String id, String version, Problem error) {
        return new BatchResult(line, index, id, version, null, null, null, error, null);
    }
}
