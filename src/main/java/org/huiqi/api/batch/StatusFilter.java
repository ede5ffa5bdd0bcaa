package org.huiqi.api.batch;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.huiqi.api.RequestValidator;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.MeasureResult;

/**
 * {@code ?status=ELIGIBLE,NEEDS_INFO}: registry matching usually acts only on some statuses, and at
 * 1,000 measures the NOT_ELIGIBLE results are most of a line.
 */
record StatusFilter(Set<MeasureResult.Status> kept) {
    static final StatusFilter ALL = new StatusFilter(EnumSet.allOf(MeasureResult.Status.class));

    /**
     * The statuses the {@code status} parameters name, repeated ({@code status=A&status=B}) or
     * comma-separated, all of them kept; absent keeps all. A bad name is a 400 naming the parameter.
     */
    static StatusFilter parse(List<String> parameters) {
        if (parameters == null || parameters.isEmpty()) return ALL;
        Set<MeasureResult.Status> kept = EnumSet.noneOf(MeasureResult.Status.class);
        for (String name : parameters.stream().flatMap(p -> Arrays.stream(p.split(","))).toList()) {
            try {
                kept.add(MeasureResult.Status.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw RequestValidator.invalid("status", "each must be one of (repeated, or comma-separated) "
                        + Arrays.toString(MeasureResult.Status.values()) + ", not '" + name.strip() + "'");
            }
        }
        return new StatusFilter(kept);
    }

    Evaluation apply(Evaluation evaluation) {
        if (kept.size() == MeasureResult.Status.values().length) return evaluation;
        return evaluation.withResults(evaluation.results().stream().filter(r -> kept.contains(r.status())).toList());
    }
}
