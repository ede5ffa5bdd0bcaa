package org.huiqi.scenarios;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huiqi.profile.Profile;

/**
 * One case of a scenario file: a profile on a date, and what staff expect for some measures.
 *
 * @param expect keyed by measure id, or "ID@projectId" for one project's result
 */
public record Scenario(String file, String name, LocalDate asOf, boolean explainAll, Profile profile,
                       Map<String, Expectation> expect) {

    /**
     * What a measure's result should be. Null fields are not checked.
     *
     * @param status ELIGIBLE, NEEDS_INFO, NOT_ELIGIBLE; NOT_IN_FORCE (listed apart in notInForce: ended
     *               recently or starting soon); or ABSENT (not listed at all)
     * @param basis EXACT, UP_TO or ESTIMATE: how the amount reads
     * @param confirmed whether the benefit is confirmed against the official text on asOf
     * @param conflictsWith measures the result must name as not claimable together with it
     * @param recommended the measure its conflict advice recommends ("none" when it cannot yet)
     */
    public record Expectation(String status, BigDecimal amount, boolean amountGiven, List<String> failed,
                              List<String> missing, String basis, Boolean confirmed, List<String> conflictsWith,
                              String recommended) {
        public static final String ABSENT = "ABSENT";
        public static final String NOT_IN_FORCE = "NOT_IN_FORCE";
        public static final String NO_RECOMMENDATION = "none";
    }
}
