package org.huiqi.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.scenarios.ScenarioGate;

/**
 * What a built rule set must pass before it serves: its own scenarios, unless
 * {@code policy.rules.require-passing-scenarios=false}.
 */
@ApplicationScoped
public class RuleSetGate implements Function<RuleSet, List<RuleProblem>> {
    private final boolean requirePassingScenarios;
    private final ScenarioGate scenarios;

    public RuleSetGate(@ConfigProperty(name = "policy.rules.require-passing-scenarios", defaultValue = "true") boolean require,
                       Evaluator evaluator) {
        this.requirePassingScenarios = require;
        this.scenarios = new ScenarioGate(evaluator);
    }

    @Override
    public List<RuleProblem> apply(RuleSet ruleSet) {
        return requirePassingScenarios ? scenarios.check(ruleSet) : List.of();
    }
}
