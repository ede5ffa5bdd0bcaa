package org.huiqi.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.RuleFiringLimit;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.RuleSetCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario file under rules/ as a test of its own, named by file and case. */
class ScenarioTest {
    private static RuleFiles files;
    private static RuleSet ruleSet;
    private static List<Scenario> scenarios;

    @BeforeAll
    static void build() {
        files = RuleFiles.read(Path.of("rules"));
        ruleSet = new RuleSetCompiler().compile(files);
        ScenarioFiles reader = new ScenarioFiles();
        scenarios = reader.read(files);
        assertEquals(List.of(), reader.problems(), "scenario files must all be readable");
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        ScenarioRunner runner = new ScenarioRunner(new Evaluator(RuleFiringLimit.configured()));
        return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.file() + ": " + s.name(), () -> {
            ScenarioRunner.Outcome outcome = runner.run(ruleSet, s);
            assertTrue(outcome.passed(), outcome.toString());
        }));
    }

    /** Each measure is covered as eligible, as failing at a threshold, and as needing information. */
    @Test
    void everyMeasureHasAnEligibleAFailingAndANeedsInfoScenario() {
        Map<String, Set<String>> statuses = new TreeMap<>();
        ruleSet.measures().keySet().forEach(id -> statuses.put(id, new TreeSet<>()));
        for (Scenario s : scenarios) {
            s.expect().forEach((key, expectation) -> {
                String id = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
                if (statuses.containsKey(id)) statuses.get(id).add(expectation.status());
            });
        }
        Set<String> required = Set.of("ELIGIBLE", "NOT_ELIGIBLE", "NEEDS_INFO");
        statuses.forEach((id, seen) -> assertTrue(seen.containsAll(required),
                id + " has scenarios for " + seen + " but needs all of " + required));
    }
}
