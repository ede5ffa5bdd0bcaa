package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huiqi.api.JsonSettings;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.EvaluationLimits;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.scenarios.Scenario;
import org.huiqi.scenarios.ScenarioFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After an edit only the changed DRL packages are compiled and the rest is copied from the serving
 * rule set. The full build is the reference: on the same files both must answer every scenario
 * profile alike, and the serving rule set must not change.
 */
class IncrementalBuildTest {
    private static final String LITTLE_GIANT = "national/miit/little-giant.drl";
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final Evaluator evaluator = new Evaluator(EvaluationLimits.DEFAULT);
    private final ObjectMapper json = new ObjectMapper();
    private Path dir;
    private RuleSet serving;
    private List<String> servingAnswers;

    @BeforeEach
    void buildServing() {
        new JsonSettings().customize(json);
        dir = TempRules.copyOfProjectRules();
        serving = compiler.compile(RuleFiles.read(dir));
        servingAnswers = answers(serving, serving.files());
    }

    @Test
    void aChangedRuleRecompilesItsPackageOnlyAndAnswersAsAFullBuild() throws IOException {
        // national.miit: its general conditions are a function in another file of the package.
        replace(LITTLE_GIANT, "atLeast($e.rdExpenseOver(2), 3000)", "atLeast($e.rdExpenseOver(2), 2999)");
        RuleFiles edited = RuleFiles.read(dir);

        long before = RuleSetCompiler.builds();
        RuleSet incremental = compiler.compile(edited, serving);
        assertThat(RuleSetCompiler.builds() - before).as("module builds for a one-package edit").isEqualTo(1);
        RuleSet full = compiler.compile(edited);

        assertThat(answers(incremental, edited)).isEqualTo(answers(full, edited)).isNotEqualTo(servingAnswers);
        assertThat(incremental.measures().keySet()).containsExactlyElementsOf(full.measures().keySet());
        assertThat(answers(serving, serving.files())).as("the serving rule set is untouched").isEqualTo(servingAnswers);
    }

    @Test
    void aMeasureMovedToAnotherRegionIsShownAndHiddenAsAFullBuildDoes() throws IOException {
        // The default answer hides measures outside the enterprise's region, judged once per region
        // and rule set; after an edit only the rebuilt measures are judged again.
        replace("guangxi/champion-first-award.drl", "$e.locatedIn(\"450000\")", "$e.locatedIn(\"330000\")");
        RuleFiles edited = RuleFiles.read(dir);

        RuleSet incremental = compiler.compile(edited, serving);
        RuleSet full = compiler.compile(edited);

        assertThat(answers(incremental, edited)).isEqualTo(answers(full, edited)).isNotEqualTo(servingAnswers);
    }

    @Test
    void removedAndAddedPackagesAnswerAsAFullBuild() throws IOException {
        Files.delete(dir.resolve("zhejiang/suichang/land-start.drl"));
        Files.delete(dir.resolve("zhejiang/suichang/land-start.scenarios.yaml"));
        TempRules.write(dir, "zhejiang/lishui/extra.drl", TempRules.EXTRA_MEASURE
                .replace("package zhejiang.suichang", "package zhejiang.lishui"));
        RuleFiles edited = RuleFiles.read(dir);

        RuleSet incremental = compiler.compile(edited, serving);
        RuleSet full = compiler.compile(edited);

        assertThat(incremental.measures()).containsKey("TEST-EXTRA-AWARD").doesNotContainKey("SC-LAND-START");
        assertThat(incremental.measures().keySet()).containsExactlyInAnyOrderElementsOf(full.measures().keySet());
        assertThat(answers(incremental, edited)).isEqualTo(answers(full, edited));
    }

    @Test
    void aTableEditCompilesNothingAndKeepsTheCompiledRules() throws IOException {
        Path table = dir.resolve("guangdong/xsg-2025-amounts.table.csv");
        Files.writeString(table, Files.readString(table, StandardCharsets.UTF_8).replace(",5", ",8"), StandardCharsets.UTF_8);
        RuleFiles edited = RuleFiles.read(dir);

        long before = RuleSetCompiler.builds();
        RuleSet incremental = compiler.compile(edited, serving);
        assertThat(RuleSetCompiler.builds()).isEqualTo(before);
        assertThat(incremental.kieBase()).isSameAs(serving.kieBase());
        assertThat(answers(incremental, edited)).isEqualTo(answers(compiler.compile(edited), edited)).isNotEqualTo(servingAnswers);
    }

    @Test
    void aBrokenEditIsReportedAsAFullBuildReportsIt() throws IOException {
        replace(LITTLE_GIANT, "atLeast($e.rdExpenseOver(2), 3000)", "atLeast($e.rdExpenseOver(2), 3000");
        RuleFiles edited = RuleFiles.read(dir);

        List<RuleProblem> full = problems(() -> compiler.compile(edited));
        assertThat(full).isNotEmpty().allMatch(p -> p.file().equals(LITTLE_GIANT));
        assertThat(problems(() -> compiler.compile(edited, serving))).isEqualTo(full);
    }

    /**
     * Every scenario profile of {@code files}, evaluated with every result explained and as the
     * default answer (which hides the measures outside the enterprise's region), as JSON without ids and times.
     */
    private List<String> answers(RuleSet ruleSet, RuleFiles files) {
        List<String> answers = new ArrayList<>();
        for (Scenario s : new ScenarioFiles().read(files)) {
            for (boolean explainAll : new boolean[] {true, false}) {
                Evaluation e = evaluator.evaluate(ruleSet, s.asOf(), s.profile(), explainAll);
                try {
                    answers.add(s.file() + " " + s.name() + " " + explainAll + " " + json.writeValueAsString(List.of(e.results(), e.notInForce())));
                } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return answers;
    }

    private static List<RuleProblem> problems(Runnable build) {
        List<RuleProblem> problems = new ArrayList<>();
        assertThatThrownBy(build::run).isInstanceOfSatisfying(RuleSetException.class, e -> problems.addAll(e.problems()));
        return problems;
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
