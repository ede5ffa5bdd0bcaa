package org.huiqi.fields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiqi.evaluation.MeasureResult;

/**
 * The next questions of a guided self-check, read from finished results: every missing field of a
 * NEEDS_INFO result, ranked by how many results it helps decide, then by the money at stake. Only
 * NEEDS_INFO results count: a NOT_ELIGIBLE result stays so whatever its unknowns turn out to be,
 * and an ELIGIBLE one has none, so a field no NEEDS_INFO result names cannot change any status.
 */
public final class Questions {
    private Questions() {
    }

    public static List<Question> of(List<MeasureResult> results, FieldCatalog catalog) {
        Map<String, Set<String>> decides = new LinkedHashMap<>();
        Map<String, BigDecimal> stake = new LinkedHashMap<>();
        for (MeasureResult result : results) {
            if (result.status() != MeasureResult.Status.NEEDS_INFO) continue;
            BigDecimal money = figure(result.benefit());
            for (String field : result.missingFields()) {
                decides.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(result.measureId());
                if (money != null) stake.merge(field, money, BigDecimal::add);
            }
        }
        List<Question> questions = new ArrayList<>();
        decides.forEach((field, measures) -> questions.add(new Question(field, FieldCatalog.pattern(field),
                catalog.label(field), List.copyOf(measures), stake.get(field))));
        questions.sort(Comparator.comparingInt((Question q) -> -q.decides().size())
                .thenComparing(q -> q.amountAtStake() == null ? BigDecimal.ZERO : q.amountAtStake(), Comparator.reverseOrder())
                .thenComparingInt(q -> catalog.position(q.catalogField()))
                .thenComparing(Question::field));
        return questions;
    }

    /** What a result is worth: its computed amount, else its cap; null when it states neither. */
    private static BigDecimal figure(MeasureResult.Benefit benefit) {
        if (benefit == null) return null;
        return benefit.amount() != null ? benefit.amount() : benefit.cap();
    }
}
