package org.huiqi.evaluation;

/**
 * Fact inserted by a criterion rule: how one criterion of one measure came out for the
 * enterprise, or for one of its projects when {@code projectId} is set.
 */
public record CriterionOutcome(String measureId, String criterionId, String projectId, Check check) {
    public Outcome outcome() {
        return check.outcome();
    }

    public boolean met() {
        return check.met();
    }
}
