package org.huiqi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleProblem;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.RuleSetCompiler;
import org.huiqi.rules.TempRules;
import org.huiqi.scenarios.ScenarioGate;
import org.huiqi.scenarios.SmokeSweep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A rule that throws costs its own measure, never the evaluation; and such a rule set does not pass the smoke gate. */
class FaultIsolationTest {
    private static final ObjectMapper JSON = ProfileJson.configure(new ObjectMapper());
    private static final Evaluator EVALUATOR = new Evaluator(EvaluationLimits.DEFAULT);
    private static RuleSet withFault;
    private static RuleSet projectRules;

    @BeforeAll
    static void build() {
        Path dir = TempRules.copyOfProjectRules();
        projectRules = new RuleSetCompiler().compile(RuleFiles.read(dir));
        TempRules.write(dir, "zhejiang/suichang/fault.drl", TempRules.THROWING_MEASURE);
        TempRules.write(dir, "zhejiang/suichang/fault.scenarios.yaml", TempRules.THROWING_SCENARIOS);
        withFault = new RuleSetCompiler().compile(RuleFiles.read(dir));
    }

    private static Map<String, MeasureResult> evaluate(RuleSet ruleSet, String profileJson) throws Exception {
        Profile profile = JSON.readValue(profileJson, Profile.class);
        return EVALUATOR.evaluate(ruleSet, LocalDate.of(2025, 6, 1), profile, true).results().stream()
                .filter(r -> r.projectId() == null).collect(Collectors.toMap(MeasureResult::measureId, Function.identity()));
    }

    @Test
    void theFailingMeasureIsErrorAndEveryOtherResultIsAsWithoutIt() throws Exception {
        String profile = "{\"regionCode\": \"331123\", \"employees\": 40, \"sme\": true}";
        Map<String, MeasureResult> faulty = evaluate(withFault, profile);
        Map<String, MeasureResult> clean = evaluate(projectRules, profile);

        MeasureResult error = faulty.get("FAULT-TEST");
        assertThat(error.status()).isEqualTo(MeasureResult.Status.ERROR);
        assertThat(error.error().zh()).startsWith("暂时无法判定");
        assertThat(error.error().en()).startsWith("could not be evaluated");
        assertThat(error.benefit().amount()).isNull();
        assertThat(error.criteria()).isEmpty();
        assertThat(error.fault().rule()).isEqualTo("FAULT-TEST / amount");
        assertThat(error.fault().file()).isEqualTo("zhejiang/suichang/fault.drl");

        faulty.remove("FAULT-TEST");
        assertThat(faulty.keySet()).isEqualTo(clean.keySet());
        for (String id : clean.keySet()) {
            assertThat(faulty.get(id).status()).as(id).isEqualTo(clean.get(id).status());
            assertThat(faulty.get(id).benefit().amount()).as(id).isEqualTo(clean.get(id).benefit().amount());
        }
    }

    @Test
    void aProfileThatDoesNotTriggerTheFaultGetsAnOrdinaryResult() throws Exception {
        assertThat(evaluate(withFault, "{\"regionCode\": \"331123\"}").get("FAULT-TEST").status())
                .isEqualTo(MeasureResult.Status.NEEDS_INFO);
    }

    @Test
    void itsScenariosPassButTheSmokeSweepRefusesItNamingRuleFileLineAndProfile() {
        assertThat(new ScenarioGate(EVALUATOR).check(withFault)).as("the staff's own scenarios miss the fault").isEmpty();

        List<RuleProblem> problems = new SmokeSweep(EVALUATOR).check(withFault, null);

        assertThat(problems).hasSize(1);
        RuleProblem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo("zhejiang/suichang/fault.drl");
        assertThat(problem.line()).isEqualTo(TempRules.THROWING_MEASURE.lines().toList().indexOf("rule \"FAULT-TEST / amount\"") + 1);
        assertThat(problem.message()).startsWith("规则 \"FAULT-TEST / amount\" 在试算画像上运行出错").contains("\"employees\":")
                .doesNotContain("Exception", "Rule_");
    }

    @Test
    void theProjectsRulesPassTheSweep() {
        assertThat(new SmokeSweep(EVALUATOR).check(projectRules, null)).isEmpty();
    }

    @Test
    void afterAnEditOnlyTheChangedMeasuresAreSweptAndAFaultIsStillFound() {
        Path dir = TempRules.copyOfProjectRules();
        RuleSet serving = new RuleSetCompiler().compile(RuleFiles.read(dir));
        TempRules.write(dir, "zhejiang/suichang/fault.drl", TempRules.THROWING_MEASURE);
        RuleSet edited = new RuleSetCompiler().compile(RuleFiles.read(dir), serving);

        assertThat(new SmokeSweep(EVALUATOR).check(edited, serving)).extracting(RuleProblem::file)
                .containsExactly("zhejiang/suichang/fault.drl");
    }
}
