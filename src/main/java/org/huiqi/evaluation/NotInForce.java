package org.huiqi.evaluation;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.rules.Measure;
import org.huiqi.rules.RuleSet;

/**
 * A measure of the enterprise's place that is not in force on the evaluation date but ended
 * recently or starts soon. Listed apart from the results, so that an enterprise checking today
 * does not see a recognition it knows simply vanish (the 2022 MIIT measures ended 2026-01-16), and
 * learns what replaced it where the rule file says.
 */
@Schema(description = "A measure of the enterprise's place that ended in the last 24 months or starts in the next 6.")
public record NotInForce(
        @Schema(example = "CN-MIIT-SPECIALIZED-SME") String measureId,
        Text title,
        @Schema(description = "ENDED: its period ended before asOf; NOT_YET: it starts after asOf") Phase phase,
        @Schema(example = "2022-06-01") LocalDate validFrom,
        @Schema(example = "2026-01-16") LocalDate validTo,
        Measure.Citation citation,
        @Schema(description = "Region and folder of the rule file", example = "national/miit") String jurisdiction,
        @Schema(description = "What replaced it, when the rule file says; null otherwise") Measure.Successor successor) {

    public enum Phase { ENDED, NOT_YET }

    /** How far back an ended measure is still worth telling, and how far ahead a coming one. */
    static final Period LOOK_BACK = Period.ofMonths(24);
    static final Period LOOK_AHEAD = Period.ofMonths(6);

    /**
     * The catalog's measures out of force on {@code asOf} within the window, minus those whose region
     * criterion failed in this evaluation (another place's measures). The rules fire for every measure
     * whatever its period, so the region outcome is at hand; where it is not (no region criterion, a
     * national measure) the measure is the enterprise's place too.
     */
    static List<NotInForce> list(RuleSet ruleSet, LocalDate asOf, Evaluator.Facts facts) {
        return ruleSet.catalog().stream()
                .filter(m -> phase(m, asOf) != null && !elsewhere(m, facts))
                .map(m -> new NotInForce(m.id(), m.title(), phase(m, asOf), m.validFrom(), m.validTo(), m.citation(),
                        m.jurisdiction(), m.successor()))
                .toList();
    }

    private static Phase phase(Measure measure, LocalDate asOf) {
        if (measure.validTo() != null && measure.validTo().isBefore(asOf)
                && !measure.validTo().isBefore(asOf.minus(LOOK_BACK))) return Phase.ENDED;
        if (measure.validFrom().isAfter(asOf) && !measure.validFrom().isAfter(asOf.plus(LOOK_AHEAD))) return Phase.NOT_YET;
        return null;
    }

    /** Every region outcome (the enterprise's, or each project's) is NOT_MET: the measure is for somewhere else. */
    private static boolean elsewhere(Measure measure, Evaluator.Facts facts) {
        List<Outcome> region = facts.outcomes().stream()
                .filter(o -> o.measureId().equals(measure.id()) && ResultAssembler.REGION.equals(o.criterionId()))
                .map(o -> o.check().outcome()).toList();
        return !region.isEmpty() && region.stream().allMatch(o -> o == Outcome.NOT_MET);
    }
}
