package org.huiqi.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final Text COULD_NOT_EVALUATE = Text.of("暂时无法判定：此项政策的规则运行出错，已记录并通知维护人员，其他结果不受影响",
            "could not be evaluated: this measure's rules failed; the fault is recorded for the staff, other results are unaffected");
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
        Index index = new Index(facts);
        Map<String, RuleFault> faulted = faulted(facts);
        List<MeasureResult> all = new ArrayList<>();
        Map<String, MeasureResult> byKey = new HashMap<>();
        boolean anyConflicts = false;
        for (Measure measure : ruleSet.measures().values()) {
            if (!measure.inForceOn(asOf) || facts.skipped().contains(measure.id())) continue;
            anyConflicts |= !measure.conflicts().isEmpty();
            RuleFault fault = faulted.isEmpty() ? null : faulted.get(measure.id());
            for (String subject : subjects(measure, facts)) {
                MeasureResult result = fault != null ? error(measure, subject, fault) : result(measure, subject, facts, index);
                all.add(result);
                byKey.putIfAbsent(key(measure.id(), subject), result);
            }
        }
        List<MeasureResult> shown = new ArrayList<>(all.size());
        for (MeasureResult result : all) {
            if (!explainAll && failsOnRegion(result)) continue;
            // Conflicts compare two results, so they are attached once all exist, before the region filter
            // (a conflicting measure hidden by region still decides the advice: it does not apply here).
            shown.add(anyConflicts ? withConflicts(result, byKey) : result);
        }
        return shown;
    }

    /** The first fault of each measure whose rules threw: what it concluded before is not to be trusted. */
    private static Map<String, RuleFault> faulted(Evaluator.Facts facts) {
        if (facts.faults().isEmpty()) return Map.of();
        Map<String, RuleFault> faulted = new HashMap<>();
        for (RuleFault fault : facts.faults()) faulted.putIfAbsent(fault.measureId(), fault);
        return faulted;
    }

    /** A measure that could not be evaluated: no criteria, no amount, never hidden by region (its region is not known). */
    private MeasureResult error(Measure measure, String subject, RuleFault fault) {
        MeasureResult.Benefit benefit = new MeasureResult.Benefit(measure.benefitKind(), measure.basis(), null, null,
                false, measure.benefit(), measure.amountRule(), null, List.of());
        return new MeasureResult(measure.id(), subject, measure.title(), Status.ERROR, false, benefit, List.of(), List.of(),
                List.of(), List.of(), measure.citation(), measure.jurisdiction(), measure.validFrom(), measure.validTo(),
                daysLeft(measure.validTo()), measure.howToClaim(), measure.enterpriseStatus(), COULD_NOT_EVALUATE, fault);
    }

    private static String key(String measureId, String projectId) {
        return projectId == null ? measureId : measureId + '\u0000' + projectId;
    }

    /** The rules' conclusions by measure, criterion and project: one look-up each, however large the catalog. */
    private static final class Index {
        private final Map<String, Check> outcomes = new HashMap<>();
        private final Map<String, BenefitAmount> amounts = new HashMap<>();

        Index(Evaluator.Facts facts) {
            for (CriterionOutcome o : facts.outcomes()) {
                outcomes.putIfAbsent(key(o.measureId() + '\u0000' + o.criterionId(), o.projectId()), o.check());
            }
            for (BenefitAmount a : facts.amounts()) amounts.putIfAbsent(key(a.measureId(), a.projectId()), a);
        }

        /** The project's own outcome, else the enterprise-wide one. */
        Optional<Check> outcome(String measureId, String criterionId, String subject) {
            String criterion = measureId + '\u0000' + criterionId;
            Check own = outcomes.get(key(criterion, subject));
            return Optional.ofNullable(own != null || subject == null ? own : outcomes.get(criterion));
        }

        Optional<BenefitAmount> amount(String measureId, String subject) {
            BenefitAmount own = amounts.get(key(measureId, subject));
            return Optional.ofNullable(own != null || subject == null ? own : amounts.get(measureId));
        }
    }

    /** Enterprise measures have one subject (null); per-project measures one per project. */
    private static List<String> subjects(Measure measure, Evaluator.Facts facts) {
        if (!measure.perProject()) return Collections.singletonList(null);
        if (facts.projects().isEmpty()) {
            return facts.projectsKnown() ? List.of() : Collections.singletonList(null);
        }
        return facts.projects().stream().map(Project::id).toList();
    }

    private MeasureResult result(Measure measure, String subject, Evaluator.Facts facts, Index index) {
        List<MeasureResult.CriterionResult> criteria = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (Measure.Criterion criterion : measure.criteria()) {
            // Without listed projects only the region is judged (by the enterprise's place): the rest needs a project.
            boolean noProjects = measure.perProject() && subject == null && !facts.projectsKnown();
            Check check = noProjects && !REGION.equals(criterion.id())
                    ? Criteria.unknown("a project", List.of("projects"))
                    : index.outcome(measure.id(), criterion.id(), subject).orElseGet(() ->
                            Criteria.unknown("not evaluated: the rule did not fire", List.of()));
            checks.add(check);
            criteria.add(new MeasureResult.CriterionResult(criterion.id(), check.outcome(), criterion.description(),
                    check.actual(), check.required(), check.fields(), check.missing(),
                    check.parts().stream().map(MeasureResult.Part::of).toList(), criterion.fixed(), criterion.askFirst()));
        }
        List<String> failed = criteria.stream().filter(c -> c.outcome() == Outcome.NOT_MET)
                .map(MeasureResult.CriterionResult::id).toList();
        boolean unknown = criteria.stream().anyMatch(c -> c.outcome() == Outcome.UNKNOWN);
        Status status = !failed.isEmpty() ? Status.NOT_ELIGIBLE : unknown ? Status.NEEDS_INFO : Status.ELIGIBLE;
        List<String> missing = status != Status.NEEDS_INFO ? List.of() : criteria.stream()
                .flatMap(c -> c.missingFields().stream()).distinct().toList();
        // a near miss is one criterion away and can still get there: an entry year or an earlier award cannot change
        boolean nearMiss = failed.size() == 1 && criteria.stream().noneMatch(c -> c.outcome() == Outcome.NOT_MET && c.fixed());
        return new MeasureResult(measure.id(), subject, measure.title(), status, nearMiss,
                benefit(measure, subject, status, facts, index, checks.stream().anyMatch(Check::metUnconfirmed)), criteria, missing,
                failed, List.of(), measure.citation(), measure.jurisdiction(), measure.validFrom(), measure.validTo(),
                daysLeft(measure.validTo()), measure.howToClaim(), measure.enterpriseStatus());
    }

    private MeasureResult.Benefit benefit(Measure measure, String subject, Status status, Evaluator.Facts facts, Index index,
                                          boolean unconfirmedReading) {
        boolean confirmed = measure.confirmedOn(asOf) && !unconfirmedReading;
        if (measure.perProject() && subject == null && !facts.projectsKnown()) {
            return new MeasureResult.Benefit(measure.benefitKind(), measure.basis(), null, null, confirmed, measure.benefit(),
                    measure.amountRule(), measure.amountRule() == null ? null : NEEDS_PROJECT, List.of());
        }
        Optional<BenefitAmount> amount = index.amount(measure.id(), subject);
        boolean shown = status != Status.NOT_ELIGIBLE && amount.isPresent() && amount.get().amount().known();
        Text note = null;
        List<String> amountMissing = List.of();
        boolean moneyMeasure = measure.benefitKind() == Measure.BenefitKind.CASH || measure.benefitKind() == Measure.BenefitKind.TAX;
        if (amount.isEmpty() && moneyMeasure) note = NO_AMOUNT;
        else if (amount.isPresent() && amount.get().amount().reason() != null && status != Status.NOT_ELIGIBLE) {
            note = amount.get().amount().reason(); // e.g. the rate table has no row for this year: say so, never a blank
        } else if (amount.isPresent() && !amount.get().amount().known() && status != Status.NOT_ELIGIBLE) {
            amountMissing = amount.get().amount().missing();
            note = Text.of("需补充以计算金额：" + String.join(", ", amount.get().amount().missing()),
                    "to compute the amount, give: " + String.join(", ", amount.get().amount().missing()));
        } else if (shown && !confirmed) note = UNCONFIRMED;
        else if (shown && measure.basis() == Measure.Basis.UP_TO) note = CEILING;
        return new MeasureResult.Benefit(measure.benefitKind(), measure.basis(), shown ? plain(amount.get().amount().value()) : null,
                amount.map(BenefitAmount::cap).orElse(null), confirmed, measure.benefit(), measure.amountRule(), note, amountMissing);
    }

    /** Days to the last day in force when the end is near enough to warn about; null otherwise. */
    private Integer daysLeft(LocalDate validTo) {
        if (validTo == null) return null;
        long days = ChronoUnit.DAYS.between(asOf, validTo);
        return days >= 0 && days <= MeasureResult.ENDING_SOON_DAYS ? (int) days : null;
    }

    /** 5 rather than 5.0 or 5.0000: amounts are read by people. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private MeasureResult withConflicts(MeasureResult result, Map<String, MeasureResult> byKey) {
        Measure measure = ruleSet.measures().get(result.measureId());
        if (measure.conflicts().isEmpty()) return result;
        List<MeasureResult.Conflict> conflicts = measure.conflicts().stream().map(otherId -> {
            MeasureResult other = byKey.get(key(otherId, result.projectId()));
            if (other == null && result.projectId() != null) other = byKey.get(otherId);
            return ConflictAdvice.of(measure, result, ruleSet.measures().get(otherId), other);
        }).toList();
        return result.withConflicts(conflicts);
    }

    private static boolean failsOnRegion(MeasureResult result) {
        return result.criteria().stream().anyMatch(c -> REGION.equals(c.id()) && c.outcome() == Outcome.NOT_MET);
    }
}
