package org.huiqi.evaluation;

/**
 * An evaluation stopped as a runaway: one rule fired far more often than the facts it matches
 * can explain (almost always a rule that re-triggers itself), or the evaluation ran past its
 * deadline. Names the rule, and so the measure, whose rule file needs fixing.
 */
public class RuleFiringLimitException extends RuntimeException {
    private final String measureId;
    private final String ruleName;

    private RuleFiringLimitException(String ruleName, String message) {
        super(message);
        this.measureId = RuleName.of(ruleName).measureId();
        this.ruleName = ruleName;
    }

    /** {@code ruleName} fired more than {@code limit} times in one evaluation. */
    public static RuleFiringLimitException firings(String ruleName, int limit) {
        return new TooManyFirings(ruleName, limit);
    }

    /** The firing cap, as opposed to the deadline. */
    static final class TooManyFirings extends RuleFiringLimitException {
        private final int limit;

        private TooManyFirings(String ruleName, int limit) {
            super(ruleName, "rule firing limit: evaluation stopped when rules had fired " + limit + " times each: rule \""
                    + ruleName + "\" keeps firing (does it modify or insert what it matches?)");
            this.limit = limit;
        }

        int limit() {
            return limit;
        }
    }

    /** The evaluation ran past {@code deadlineMillis}; {@code ruleName} is the rule that took longest, or fired most. */
    public static RuleFiringLimitException deadline(String ruleName, long deadlineMillis) {
        return new RuleFiringLimitException(ruleName, "rule firing limit: evaluation stopped at its deadline of "
                + deadlineMillis + " ms (policy.evaluation.deadline): rule \"" + ruleName
                + "\" ran longest (does it loop, or do work that grows without bound?)");
    }

    public String measureId() {
        return measureId;
    }

    public String ruleName() {
        return ruleName;
    }
}
