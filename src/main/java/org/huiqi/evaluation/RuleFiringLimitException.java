package org.huiqi.evaluation;

/**
 * An evaluation stopped because its rules fired more often than any sane rule set needs: almost
 * always a rule that keeps re-triggering itself. Names the rule that fired most.
 */
public class RuleFiringLimitException extends RuntimeException {
    private final String measureId;
    private final String ruleName;

    public RuleFiringLimitException(String ruleName, int limit) {
        super("rule firing limit: evaluation stopped after " + limit + " rule firings: rule \"" + ruleName
                + "\" keeps firing (does it modify or insert what it matches?)");
        this.measureId = RuleName.of(ruleName).measureId();
        this.ruleName = ruleName;
    }

    public String measureId() {
        return measureId;
    }

    public String ruleName() {
        return ruleName;
    }
}
