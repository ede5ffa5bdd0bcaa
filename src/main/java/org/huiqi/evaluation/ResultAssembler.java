package org.huiqi.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.huiqi.evaluation.MeasureResult.Status;
import org.huiqi.evaluation.facts.Project;
import org.huiqi.rules.Measure;
import org.huiqi.rules.RuleSet;

/**
 * Turns criterion outcomes into measure results: the status follows from the outcomes by
 * three-valued logic, never from anything a rule file says directly. Kept in Java rather than in
 * generic DRL rules so that no edit of a rule file can change what ELIGIBLE means.
 */
final class ResultAssembler {
    /** The criterion id that places a measure; when it is NOT_MET the measure is hidden by default. */
    static final String REGION = "region";
    private static final Text NO_AMOUNT = Text.of("金额由发文单位核定", "amount set by the issuing office");
    private static final Text NEEDS_PROJECT = Text.of("需补充项目信息以计算金额：projects", "to compute the amount, give: projects");
    private static final Text UNCONFIRMED = Text.of("金额待与发文单位确认", "amount to be confirmed with the issuing office");
    private static final Text CEILING = Text.of("为最高额，实际金额由发文单位核定", "a ceiling: the actual award is set by the issuing office");

    private final RuleSet ruleSet;
    private final LocalDate asOf;
    private final boolean explainAll;

    ResultAssembler(RuleSet ruleSet, LocalDate asOf, boolean explainAll) {
        this.ruleSet = ruleSet;
        this.asOf = asOf;
        this.explainAll = explainAll;
    }

    List<MeasureResult> assemble(Evaluator.Facts facts) {
        List<MeasureResult> all = new ArrayList<>();
        for (Measure measure : ruleSet.catalog()) {
            if (!measure.inForceOn(asOf)) continue;
            for (String subject : subjects(measure, facts)) all.add(result(measure, subject, facts));
        }
        // Conflicts compare two results, so they are attached once all exist, before the region filter
        // (a conflicting measure hidden by region still decides the advice: it does not apply here).
        return all.stream().map(r -> r.withConflicts(conflicts(r, all)))
                .filter(r -> explainAll || !failsOnRegion(r))
                .toList();
    }

    /** Enterprise measures have one subject (null); per-project measures one per project. */
    private static List<String> subjects(Measure measure, Evaluator.Facts facts) {
        if (!measure.perProject()) return Collections.singletonList(null);
        if (facts.projects().isEmpty()) {
            return facts.projectsKnown() ? List.of() : Collections.singletonList(null);
        }
        return facts.projects().stream().map(Project::id).toList();
    }

    private MeasureResult result(Measure measure, String subject, Evaluator.Facts facts) {
        List<MeasureResult.CriterionResult> criteria = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (Measure.Criterion criterion : measure.criteria()) {
            // Without listed projects only the region is judged (by the enterprise's place): the rest needs a project.
            boolean noProjects = measure.perProject() && subject == null && !facts.projectsKnown();
            Check check = noProjects && !REGION.equals(criterion.id())
                    ? Criteria.unknown("a project", List.of("projects"))
                    : outcome(measure.id(), criterion.id(), subject, facts).orElseGet(() ->
                            Criteria.unknown("not evaluated: the rule did not fire", List.of()));
            checks.add(check);
            criteria.add(new MeasureResult.CriterionResult(criterion.id(), check.outcome(), criterion.description(),
                    check.actual(), check.required(), check.fields(), check.missing(),
                    check.parts().stream().map(MeasureResult.Part::of).toList()));
        }
        List<String> failed = criteria.stream().filter(c -> c.outcome() == Outcome.NOT_MET)
                .map(MeasureResult.CriterionResult::id).toList();
        boolean unknown = criteria.stream().anyMatch(c -> c.outcome() == Outcome.UNKNOWN);
        Status status = !failed.isEmpty() ? Status.NOT_ELIGIBLE : unknown ? Status.NEEDS_INFO : Status.ELIGIBLE;
        List<String> missing = status != Status.NEEDS_INFO ? List.of() : criteria.stream()
                .flatMap(c -> c.missingFields().stream()).distinct().toList();
        return new MeasureResult(measure.id(), subject, measure.title(), status, failed.size() == 1,
                benefit(measure, subject, status, facts, checks.stream().anyMatch(Check::metUnconfirmed)), criteria, missing, failed, List.of(),
                measure.citation(), measure.jurisdiction(), measure.validFrom(), measure.validTo());
    }

    private static Optional<Check> outcome(String measureId, String criterionId, String subject, Evaluator.Facts facts) {
        Optional<Check> own = find(measureId, criterionId, subject, facts);
        return own.isPresent() || subject == null ? own : find(measureId, criterionId, null, facts);
    }

    private static Optional<Check> find(String measureId, String criterionId, String subject, Evaluator.Facts facts) {
        return facts.outcomes().stream()
                .filter(o -> o.measureId().equals(measureId) && o.criterionId().equals(criterionId)
                        && Objects.equals(o.projectId(), subject))
                .map(CriterionOutcome::check).findFirst();
    }

    private MeasureResult.Benefit benefit(Measure measure, String subject, Status status, Evaluator.Facts facts, boolean unconfirmedReading) {
        boolean confirmed = measure.confirmedOn(asOf) && !unconfirmedReading;
        if (measure.perProject() && subject == null && !facts.projectsKnown()) {
            return new MeasureResult.Benefit(measure.benefitKind(), measure.basis(), null, null, confirmed, measure.benefit(),
                    measure.amountRule(), measure.amountRule() == null ? null : NEEDS_PROJECT);
        }
        Optional<BenefitAmount> amount = facts.amounts().stream()
                .filter(a -> a.measureId().equals(measure.id()) && Objects.equals(a.projectId(), subject))
                .findFirst()
                .or(() -> facts.amounts().stream().filter(a -> a.measureId().equals(measure.id()) && a.projectId() == null).findFirst());
        boolean shown = status != Status.NOT_ELIGIBLE && amount.isPresent() && amount.get().amount().known();
        Text note = null;
        boolean moneyMeasure = measure.benefitKind() == Measure.BenefitKind.CASH || measure.benefitKind() == Measure.BenefitKind.TAX;
        if (amount.isEmpty() && moneyMeasure) note = NO_AMOUNT;
        else if (amount.isPresent() && !amount.get().amount().known() && status != Status.NOT_ELIGIBLE) {
            note = Text.of("需补充以计算金额：" + String.join(", ", amount.get().amount().missing()),
                    "to compute the amount, give: " + String.join(", ", amount.get().amount().missing()));
        } else if (shown && !confirmed) note = UNCONFIRMED;
        else if (shown && measure.basis() == Measure.Basis.UP_TO) note = CEILING;
        return new MeasureResult.Benefit(measure.benefitKind(), measure.basis(), shown ? plain(amount.get().amount().value()) : null,
                amount.map(BenefitAmount::cap).orElse(null), confirmed, measure.benefit(), measure.amountRule(), note);
    }

    /** 5 rather than 5.0 or 5.0000: amounts are read by people. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private List<MeasureResult.Conflict> conflicts(MeasureResult result, List<MeasureResult> all) {
        Measure measure = ruleSet.measures().get(result.measureId());
        return measure.conflicts().stream().map(otherId -> {
            MeasureResult other = all.stream()
                    .filter(r -> r.measureId().equals(otherId) && Objects.equals(r.projectId(), result.projectId()))
                    .findFirst()
                    .or(() -> all.stream().filter(r -> r.measureId().equals(otherId) && r.projectId() == null).findFirst())
                    .orElse(null);
            return ConflictAdvice.of(measure, result, ruleSet.measures().get(otherId), other);
        }).toList();
    }

    private static boolean failsOnRegion(MeasureResult result) {
        return result.criteria().stream().anyMatch(c -> REGION.equals(c.id()) && c.outcome() == Outcome.NOT_MET);
    }
}
