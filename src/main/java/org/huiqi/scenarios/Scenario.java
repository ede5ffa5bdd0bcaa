package org.huiqi.scenarios;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huiqi.profile.Profile;

/**
 * One case of a scenario file: a profile on a date, and what staff expect for some measures.
 *
 * @param line   the line of the case's first key in its file
 * @param expect keyed by measure id, or "ID@projectId" for one project's result
 */
public record Scenario(String file, int line, String name, LocalDate asOf, boolean explainAll, Profile profile,
                       Map<String, Expectation> expect) {

    /**
     * What a measure's result should be. Null fields are not checked.
     *
     * @param status ELIGIBLE, NEEDS_INFO, NOT_ELIGIBLE, or ABSENT (not listed at all)
     */
    public record Expectation(String status, BigDecimal amount, boolean amountGiven, List<String> failed,
                              List<String> missing) {
        public static final String ABSENT = "ABSENT";
    }
}
