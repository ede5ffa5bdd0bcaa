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

    /** Every problem with the rule set's scenarios; empty when all pass. */
    public List<RuleProblem> check(RuleSet ruleSet) {
        ScenarioFiles reader = new ScenarioFiles();
        List<Scenario> scenarios = reader.read(ruleSet.files());
        List<RuleProblem> problems = new ArrayList<>(reader.problems());
        for (Scenario scenario : scenarios) {
            ScenarioRunner.Outcome outcome;
            try {
                outcome = runner.run(ruleSet, scenario);
            } catch (RuleFiringLimitException e) {
                // Every scenario would hit the same rule: one problem says it all.
                problems.add(new RuleProblem(scenario.file(), lineOf(ruleSet.files(), scenario), 0,
                        "scenario \"" + scenario.name() + "\": measure " + e.measureId() + ": " + e.getMessage()));
                return problems;
            }
            if (!outcome.passed()) {
                problems.add(new RuleProblem(scenario.file(), lineOf(ruleSet.files(), scenario), 0,
                        "scenario \"" + scenario.name() + "\": " + String.join("; ", outcome.mismatches())));
            }
        }
        return problems;
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
