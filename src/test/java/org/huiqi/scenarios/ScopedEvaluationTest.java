package org.huiqi.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.EvaluationLimits;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.evaluation.NotInForce;
import org.huiqi.evaluation.Scope;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.RuleSetCompiler;
import org.junit.jupiter.api.Test;

/**
 * The scenario gate evaluates each scenario against only the measures it names (and what their
 * results are made from); a scenario must pass or fail exactly as it would against the whole catalog.
 */
class ScopedEvaluationTest {

    @Test
    void everyScenarioGivesTheMeasuresItNamesTheWholeCatalogsResults() {
        RuleFiles files = RuleFiles.read(Path.of("rules"));
        RuleSet ruleSet = new RuleSetCompiler().compile(files);
        List<Scenario> scenarios = new ScenarioFiles().read(files);
        Evaluator evaluator = new Evaluator(EvaluationLimits.configured());
        List<String> differences = new ArrayList<>();
        int wholeResults = 0;
        int scopedResults = 0;
        int withConflicts = 0;
        int notInForce = 0;
        for (Scenario s : scenarios) {
            Set<String> named = ScenarioRunner.named(s);
            Evaluation whole = evaluator.evaluate(ruleSet, s.asOf(), s.profile(), s.explainAll());
            Evaluation scoped = evaluator.evaluate(ruleSet, s.asOf(), s.profile(), s.explainAll(), Scope.observing(ruleSet, named));
            wholeResults += whole.results().size();
            scopedResults += scoped.results().size();
            for (String id : named) {
                List<MeasureResult> expected = results(whole, id);
                if (!expected.equals(results(scoped, id))) {
                    differences.add(s.file() + ": " + s.name() + ": " + id + "\n  whole:  " + expected + "\n  scoped: " + results(scoped, id));
                }
                if (!notInForce(whole, id).equals(notInForce(scoped, id))) {
                    differences.add(s.file() + ": " + s.name() + ": notInForce " + id);
                }
                withConflicts += (int) expected.stream().filter(r -> !r.conflicts().isEmpty()).count();
                notInForce += notInForce(whole, id).size();
            }
        }
        assertThat(differences).isEmpty();
        // The comparison means something only if the scoped runs left measures out, and covered
        // results whose conflict advice reads a partner's result, and notInForce entries.
        assertThat(scopedResults).isLessThan(wholeResults / 4);
        assertThat(withConflicts).isPositive();
        assertThat(notInForce).isPositive();
    }

    private static List<MeasureResult> results(Evaluation evaluation, String measureId) {
        return evaluation.results().stream().filter(r -> r.measureId().equals(measureId)).toList();
    }

    private static List<NotInForce> notInForce(Evaluation evaluation, String measureId) {
        return evaluation.notInForce().stream().filter(n -> n.measureId().equals(measureId)).toList();
    }
}
