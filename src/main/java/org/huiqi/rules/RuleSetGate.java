package org.huiqi.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.scenarios.ScenarioGate;

/**
 * What a built rule set must pass before it serves: its own scenarios (after an edit, those the
 * edit can affect), unless
 * {@code policy.rules.require-passing-scenarios=false}.
 */
@ApplicationScoped
public class RuleSetGate implements BiFunction<RuleSet, RuleSet, List<RuleProblem>> {
    private final boolean requirePassingScenarios;
    private final ScenarioGate scenarios;

    public RuleSetGate(@ConfigProperty(name = "policy.rules.require-passing-scenarios", defaultValue = "true") boolean require,
                       Evaluator evaluator) {
        this.requirePassingScenarios = require;
        this.scenarios = new ScenarioGate(evaluator);
    }

    /**
     * The problems of {@code ruleSet}; {@code serving} (null at start) is what it replaces, so that
     * after an edit only the scenarios the edit can affect run. A full check is the reference: at start.
     */
    @Override
    public List<RuleProblem> apply(RuleSet ruleSet, RuleSet serving) {
        return requirePassingScenarios ? scenarios.check(ruleSet, serving) : List.of();
    }
}
