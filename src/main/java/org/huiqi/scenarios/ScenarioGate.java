package org.huiqi.scenarios;

import java.util.ArrayList;
import java.util.List;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.RuleFiringLimitException;
import org.huiqi.rules.RuleProblem;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.StaffChecks;

/**
 * Runs a new rule set's own scenarios before it may serve. A failing scenario is reported like a
 * compile error: the scenario file, the line of the case, its name, expected against actual.
 */
public final class ScenarioGate {
    private final ScenarioRunner runner;

    public ScenarioGate(Evaluator evaluator) {
        this.runner = new ScenarioRunner(evaluator);
    }

    /**
     * Every problem with the rule set's scenarios; empty when all pass. What can be found without
     * running (a bad region code, a misspelt field) is reported once at its line and the scenarios
     * are not run, since each would fail with an echo of it. The first scenario runs alone: a
     * runaway rule breaks every scenario alike, so one is enough to say so. The rest run in
     * parallel — the gate stands between a staff member's save and the change going live.
     */
    public List<RuleProblem> check(RuleSet ruleSet) {
        return check(ruleSet, null);
    }

    /**
     * Like {@link #check(RuleSet)}, after an edit of a serving rule set: only the scenarios the
     * change can affect run — those of changed scenario files, those that name a measure of a
     * changed DRL package, and the cross-measure ones under {@code scenarios/} whose scope holds
     * such a measure — and only the scenario files that can hold them are read. A change to
     * anything else (a table, reference data, declared inputs) can affect any measure, so then
     * every scenario runs.
     */
    public List<RuleProblem> check(RuleSet ruleSet, RuleSet serving) {
        List<RuleProblem> problems = new ArrayList<>(StaffChecks.check(ruleSet));
        ScenarioFiles reader = new ScenarioFiles(ruleSet);
        ChangedMeasures changed = serving == null ? null : ChangedMeasures.between(serving, ruleSet);
        List<Scenario> scenarios = changed == null ? reader.read(ruleSet.files())
                : changed.affected(reader.read(ruleSet.files(), changed.scenarioFiles()));
        problems.addAll(reader.problems());
        if (scenarios.isEmpty() || !problems.isEmpty()) return problems;
        try {
            List<ScenarioRunner.Outcome> outcomes = new ArrayList<>();
            outcomes.add(runner.run(ruleSet, scenarios.get(0)));
            outcomes.addAll(scenarios.subList(1, scenarios.size()).parallelStream().map(s -> runner.run(ruleSet, s)).toList());
            for (ScenarioRunner.Outcome outcome : outcomes) {
                if (!outcome.passed()) problems.add(problem(outcome.scenario(), String.join("; ", outcome.mismatches())));
            }
        } catch (RuleFiringLimitException e) {
            Scenario first = scenarios.get(0);
            problems.add(problem(first, "措施 " + e.measureId() + " 的规则反复触发，超过上限：不要在规则里写 update/modify/insert / measure " + e.measureId() + ": " + e.getMessage()));
        }
        return problems;
    }

    private static RuleProblem problem(Scenario scenario, String message) {
        return new RuleProblem(scenario.file(), scenario.line(), 0, "场景“" + scenario.name() + "”未通过 / scenario \"" + scenario.name() + "\" failed: " + message);
    }

    /** Results of the given scenarios, passed or not: for the offline {@code test} command. */
    public List<ScenarioRunner.Outcome> run(RuleSet ruleSet, List<Scenario> scenarios) {
        List<ScenarioRunner.Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            try {
                outcomes.add(runner.run(ruleSet, scenario));
            } catch (RuleFiringLimitException e) {
                outcomes.add(new ScenarioRunner.Outcome(scenario, List.of("measure " + e.measureId() + ": " + e.getMessage())));
            }
        }
        return outcomes;
    }
}
