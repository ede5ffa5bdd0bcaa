package org.huiqi.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.fields.Question;

/** The answer to one eligibility question. */
@Schema(description = "The answer to one eligibility request.")
public record Evaluation(
        @Schema(required = true, description = "Unique id of this evaluation (ULID), for reference", example = "01JDQ3Z6X8M5T2B7K9R4W1N0PA")
        String evaluationId,
        @Schema(required = true, description = "The evaluation date", example = "2026-11-22") LocalDate asOf,
        @Schema(required = true) RuleSetRef ruleset,
        @Schema(required = true, description = "One result per measure in force on asOf (per project for per-project measures)") List<MeasureResult> results,
        @Schema(description = "Measures of the enterprise's place not in force on asOf: ended in the last 24 months or "
                + "starting in the next 6, with their period, citation and what replaced them where known") List<NotInForce> notInForce,
        @Schema(description = "Present when the profile lists no projects and does not say whether it has projects elsewhere "
                + "(projectsElsewhere): the places where its projects were presumed to be, so only the per-project measures of "
                + "those places are listed. Answering projectsElsewhere, or listing the projects, replaces the presumption.")
        @JsonInclude(JsonInclude.Include.NON_NULL) ProjectPlaces projectPlaces,
        @Schema(description = "The recognitions the profile lists, each with its validity on asOf") List<HeldTitle> heldTitles,
        @Schema(description = "The fields still to answer, most deciding first: each names the NEEDS_INFO measures it helps "
                + "decide and the money at stake. Only in answers to POST /api/v1/eligibility.")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Question> questions) {

    public Evaluation(String evaluationId, LocalDate asOf, RuleSetRef ruleset, List<MeasureResult> results, List<NotInForce> notInForce,
                      ProjectPlaces projectPlaces, List<HeldTitle> heldTitles) {
        this(evaluationId, asOf, ruleset, results, notInForce, projectPlaces, heldTitles, null);
    }

    /** The same evaluation with the next questions of a guided self-check. */
    public Evaluation withQuestions(List<Question> next) {
        return new Evaluation(evaluationId, asOf, ruleset, results, notInForce, projectPlaces, heldTitles, next);
    }

    /** The same evaluation with other results (a batch's status filter). */
    public Evaluation withResults(List<MeasureResult> kept) {
        return new Evaluation(evaluationId, asOf, ruleset, kept, notInForce, projectPlaces, heldTitles, questions);
    }

    @Schema(description = "The rule set that produced the result.")
    public record RuleSetRef(
            @Schema(required = true, description = "sha256: over the rule files' paths and contents", example = "sha256:3f2a…") String version,
            @Schema(required = true, description = "When this rule set was built and activated (UTC)", example = "2026-11-22T10:00:00Z") Instant loadedAt) {
    }
}
