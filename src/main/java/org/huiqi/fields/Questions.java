package org.huiqi.fields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.evaluation.Outcome;

/**
 * The next questions of a guided self-check, read from finished results, in the order that settles
 * measures soonest. NEEDS_INFO results ask for their missing fields, and they and ELIGIBLE ones for
 * what their amount still needs; a NOT_ELIGIBLE result stays so whatever its unknowns turn out to be.
 * Among those fields:
 * <ol>
 * <li>fields only an assessor, a catalogue or an authority can tell ({@link Field#expert()}) come last;</li>
 * <li>a field of a criterion that says whom the measure is for ({@code @askFirst} in the rule file: sells
 *     recycled resources it collected, makes energy-storage systems) comes first, since most enterprises
 *     answer no and that settles the measure without its other questions;</li>
 * <li>then a field whose answer alone decides an open criterion: answered one way it settles
 *     that measure (one unknown left in an AND fails it; the last open branch of an OR decides it),
 *     where a field that shares its criterion with other unknowns only narrows it;</li>
 * <li>then the more measures it helps decide, the money at stake, and the form's order.</li>
 * </ol>
 * Last, a question that only asks a second thing about measures an earlier one already touches waits
 * behind those that open another measure.
 */
public final class Questions {
    private Questions() {
    }

    public static List<Question> of(List<MeasureResult> results, FieldCatalog catalog) {
        Map<String, Set<String>> decides = new LinkedHashMap<>();
        Map<String, BigDecimal> stake = new LinkedHashMap<>();
        Set<String> settling = new HashSet<>();
        Set<String> screening = new HashSet<>();
        for (MeasureResult result : results) {
            BigDecimal money = figure(result.benefit());
            if (result.status() != MeasureResult.Status.NOT_ELIGIBLE && result.benefit() != null) {
                // Its amount waits for these: asked as well, since the amount is what the enterprise is after.
                List<String> amountInputs = result.benefit().missingFields();
                for (String field : amountInputs) {
                    decides.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(result.measureId());
                    if (money != null) stake.merge(field, money, BigDecimal::add);
                }
                if (amountInputs.size() == 1) settling.add(amountInputs.get(0));
            }
            if (result.status() != MeasureResult.Status.NEEDS_INFO) continue;
            for (String field : result.missingFields()) {
                decides.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(result.measureId());
                if (money != null) stake.merge(field, money, BigDecimal::add);
            }
            for (MeasureResult.CriterionResult criterion : result.criteria()) {
                if (criterion.outcome() != Outcome.UNKNOWN || criterion.missingFields() == null) continue;
                if (criterion.missingFields().size() == 1) settling.add(criterion.missingFields().get(0));
                if (criterion.askFirst()) screening.addAll(criterion.missingFields());
            }
        }
        List<Question> questions = new ArrayList<>();
        decides.forEach((field, measures) -> questions.add(new Question(field, FieldCatalog.pattern(field),
                catalog.label(field), List.copyOf(measures), stake.get(field), settling.contains(field),
                catalog.find(field).map(Field::expert).orElse(false))));
        questions.sort(Comparator.comparing(Question::expert)
                .thenComparing((Question q) -> !screening.contains(q.field()))
                .thenComparing(Question::settles, Comparator.reverseOrder())
                .thenComparingInt((Question q) -> -q.decides().size())
                .thenComparing(q -> q.amountAtStake() == null ? BigDecimal.ZERO : q.amountAtStake(), Comparator.reverseOrder())
                .thenComparingInt(q -> catalog.position(q.catalogField()))
                .thenComparing(Question::field));
        return oneForEachMeasureFirst(questions);
    }

    /**
     * Questions that open a measure no earlier question touches, before the ones that would ask a second
     * thing about the same measures: an answer that fails a measure makes its other questions moot.
     */
    private static List<Question> oneForEachMeasureFirst(List<Question> ranked) {
        Set<String> touched = new HashSet<>();
        List<Question> first = new ArrayList<>();
        List<Question> later = new ArrayList<>();
        for (Question q : ranked) {
            (q.expert() || touched.containsAll(q.decides()) ? later : first).add(q);
            touched.addAll(q.decides());
        }
        first.addAll(later);
        return first;
    }

    /** What a result is worth: its computed amount, else its cap; null when it states neither. */
    private static BigDecimal figure(MeasureResult.Benefit benefit) {
        if (benefit == null) return null;
        return benefit.amount() != null ? benefit.amount() : benefit.cap();
    }
}
