package org.huiqi.api.batch;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.huiqi.api.RequestValidator;

/** {@code ?view=}: how much of each evaluation a batch result carries. */
enum View {
    /** Every result with its criteria, as the single endpoint answers. */
    full,
    /** One short entry per result: status, amount, missing and failed criteria. */
    summary,
    /** Per result only the measure, status, amount and missing fields ({@link org.huiqi.api.CompactEvaluation}). */
    compact;

    static final String NAMES = Arrays.stream(values()).map(v -> "'" + v + "'").collect(Collectors.joining(", "));

    /** The named view, full when absent; a 400 naming {@code view} otherwise. */
    static View parse(String name) {
        if (name == null) return full;
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> RequestValidator.invalid("view", "must be one of " + NAMES + " or absent"));
    }
}
