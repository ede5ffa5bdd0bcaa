package org.huiqi.evaluation;

/**
 * A rule's name read as {@code "MEASURE-ID"} (the measure's declaration) or
 * {@code "MEASURE-ID / part"} (one of its criteria, or its amount).
 */
public record RuleName(String measureId, String criterionId) {
    public static final String SEPARATOR = " / ";

    public static RuleName of(String ruleName) {
        int at = ruleName.indexOf(SEPARATOR);
        if (at < 0) return new RuleName(ruleName.trim(), null);
        return new RuleName(ruleName.substring(0, at).trim(), ruleName.substring(at + SEPARATOR.length()).trim());
    }

    public boolean declaresMeasure() {
        return criterionId == null;
    }
}
