package org.huiqi.impact;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.impact.ImpactReport.Status;
import org.huiqi.rules.Measure;

/**
 * How one measure came out for one enterprise, projects folded together: the best status of its
 * results (ELIGIBLE over NEEDS_INFO over NOT_ELIGIBLE) and the sum of the known amounts of its
 * ELIGIBLE results (null when none is known). Recognitions and services (STATUS, SERVICE) give
 * no money: they add nothing to the amounts, not even to those without an amount. A ceiling (basis
 * UP_TO) on any of its results makes the sum a ceiling.
 */
record EnterpriseOutcome(Status status, BigDecimal amount, boolean confirmed, boolean ceiling, boolean monetary) {
    static final EnterpriseOutcome ABSENT = new EnterpriseOutcome(Status.ABSENT, null, true, false, false);

    static Map<String, EnterpriseOutcome> of(List<MeasureResult> results) {
        Map<String, EnterpriseOutcome> byMeasure = new HashMap<>();
        for (MeasureResult result : results) {
            EnterpriseOutcome one = new EnterpriseOutcome(Status.valueOf(result.status().name()),
                    result.status() == MeasureResult.Status.ELIGIBLE ? result.benefit().amount() : null, result.benefit().confirmed(),
                    result.benefit().basis() == Measure.Basis.UP_TO,
                    result.benefit().kind() == Measure.BenefitKind.CASH || result.benefit().kind() == Measure.BenefitKind.TAX);
            byMeasure.merge(result.measureId(), one, EnterpriseOutcome::fold);
        }
        return byMeasure;
    }

    private static EnterpriseOutcome fold(EnterpriseOutcome a, EnterpriseOutcome b) {
        Status best = a.status.ordinal() <= b.status.ordinal() ? a.status : b.status;
        BigDecimal amount = a.amount == null ? b.amount : b.amount == null ? a.amount : a.amount.add(b.amount);
        return new EnterpriseOutcome(best, best == Status.ELIGIBLE ? amount : null, a.confirmed && b.confirmed, a.ceiling || b.ceiling,
                a.monetary || b.monetary);
    }
}
