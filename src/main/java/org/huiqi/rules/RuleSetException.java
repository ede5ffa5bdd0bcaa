package org.huiqi.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot be built, with every problem found (not just the first). */
public class RuleSetException extends RuntimeException {
    private final List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rule files:\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
