package org.huiqi.evaluation.facts;

import static org.huiqi.evaluation.Criteria.unknown;
import static org.huiqi.evaluation.Criteria.when;

import java.util.List;
import org.huiqi.evaluation.Check;

/**
 * GB/T 4754-2017 membership. A code is a section letter followed by the division digits
 * ("C4210": section C, division 42), so "C" or "C42" contain it by prefix.
 */
final class Industries {
    private Industries() {
    }

    static Check within(String industryCode, String field, String... sectionsOrDivisions) {
        String required = "in GB/T 4754 " + String.join(", ", sectionsOrDivisions);
        if (industryCode == null) return unknown(required, List.of(field));
        boolean in = List.of(sectionsOrDivisions).stream().anyMatch(industryCode::startsWith);
        return when(in, industryCode, required, field);
    }
}
