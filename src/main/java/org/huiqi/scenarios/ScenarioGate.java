package org.huiqi.scenarios;

import java.util.ArrayList;
import java.util.List;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.RuleFiringLimitException;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleProblem;
import org.huiqi.rules.RuleSet;

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
     * Every problem with the rule set's scenarios; empty when all pass. The first scenario runs
     * alone: a runaway rule breaks every scenario alike, so one is enough to say so. The rest run
     * in parallel — the gate stands between a staff member's save and the change going live.
     */
    public List<RuleProblem> check(RuleSet ruleSet) {
        return check(ruleSet, null);
    }

    /**
     * Like {@link #check(RuleSet)}, after an edit of a serving rule set: only the scenarios the
     * change can affect run — those of changed scenario files, those that name a measure of a
     * changed rule file, and the cross-measure ones under {@code scenarios/}. A change to anything
     * else (a table, reference data) can affect any measure, so then every scenario runs.
     */
    public List<RuleProblem> check(RuleSet ruleSet, RuleSet serving) {
        ScenarioFiles reader = new ScenarioFiles();
        List<Scenario> scenarios = reader.read(ruleSet.files());
        if (serving != null) scenarios = ChangedMeasures.between(serving, ruleSet).affected(scenarios);
        List<RuleProblem> problems = new ArrayList<>(reader.problems());
        if (scenarios.isEmpty()) return problems;
        try {
            List<ScenarioRunner.Outcome> outcomes = new ArrayList<>();
            outcomes.add(runner.run(ruleSet, scenarios.get(0)));
            outcomes.addAll(scenarios.subList(1, scenarios.size()).parallelStream().map(s -> runner.run(ruleSet, s)).toList());
            for (ScenarioRunner.Outcome outcome : outcomes) {
                if (!outcome.passed()) problems.add(problem(ruleSet, outcome.scenario(), String.join("; ", outcome.mismatches())));
            }
        } catch (RuleFiringLimitException e) {
            Scenario first = scenarios.get(0);
            problems.add(problem(ruleSet, first, "measure " + e.measureId() + ": " + e.getMessage()));
        }
        return problems;
    }

    private static RuleProblem problem(RuleSet ruleSet, Scenario scenario, String message) {
        return new RuleProblem(scenario.file(), lineOf(ruleSet.files(), scenario), 0,
                "scenario \"" + scenario.name() + "\": " + message);
    }

    /** Results of every scenario, passed or not: for the offline {@code test} command. */
    public List<ScenarioRunner.Outcome> runAll(RuleSet ruleSet, List<RuleProblem> unreadable) {
        ScenarioFiles reader = new ScenarioFiles();
        List<Scenario> scenarios = reader.read(ruleSet.files());
        unreadable.addAll(reader.problems());
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

    static int lineOf(RuleFiles files, Scenario scenario) {
        String[] lines = files.text(scenario.file()).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("name:") && lines[i].contains(scenario.name())) return i + 1;
        }
        return 0;
    }
}
