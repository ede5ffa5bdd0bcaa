package org.huiqi.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.scenarios.ScenarioGate;
import org.huiqi.scenarios.SmokeSweep;

/**
 * What a built rule set must pass before it serves: its own scenarios (after an edit, those the
 * edit can affect), unless {@code policy.rules.require-passing-scenarios=false}, and the smoke
 * sweep ({@link SmokeSweep}: no rule may fail on a generated or edge profile), unless
 * {@code policy.rules.smoke-sweep=false}.
 */
@ApplicationScoped
public class RuleSetGate implements BiFunction<RuleSet, RuleSet, List<RuleProblem>> {
    private final boolean requirePassingScenarios;
    private final ScenarioGate scenarios;
    private final SmokeSweep sweep;

    public RuleSetGate(@ConfigProperty(name = "policy.rules.require-passing-scenarios", defaultValue = "true") boolean require,
                       @ConfigProperty(name = "policy.rules.smoke-sweep", defaultValue = "true") boolean smokeSweep,
                       Evaluator evaluator) {
        this.requirePassingScenarios = require;
        this.scenarios = new ScenarioGate(evaluator);
        this.sweep = smokeSweep ? new SmokeSweep(evaluator) : null;
    }

    /**
     * The problems of {@code ruleSet}; {@code serving} (null at start) is what it replaces, so that
     * after an edit only the scenarios the edit can affect run. A full check is the reference: at start.
     */
    @Override
    public List<RuleProblem> apply(RuleSet ruleSet, RuleSet serving) {
        List<RuleProblem> problems = requirePassingScenarios ? scenarios.check(ruleSet, serving) : List.of();
        // One cause, one report: while scenarios fail (a rule that throws fails them too) the sweep would echo them.
        if (!problems.isEmpty() || sweep == null) return problems;
        return sweep.check(ruleSet, serving);
    }
}
