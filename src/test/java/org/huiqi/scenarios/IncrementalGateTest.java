package org.huiqi.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huiqi.evaluation.EvaluationLimits;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleProblem;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.RuleSetCompiler;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/** After an edit the gate re-runs what the edit can affect, and still refuses a breaking edit. */
class IncrementalGateTest {
    private static final String FILE = "national/tax/west15.drl";

    @Test
    void anEditReRunsTheChangedMeasuresScenariosAndTheCrossMeasureOnesOnly() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        RuleSet serving = new RuleSetCompiler().compile(RuleFiles.read(dir));
        append(dir, "\n// a staff edit\n");
        RuleSet edited = new RuleSetCompiler().compile(RuleFiles.read(dir));

        List<Scenario> all = new ScenarioFiles().read(edited.files());
        List<Scenario> affected = ChangedMeasures.between(serving, edited).affected(all);

        assertThat(affected).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(affected).anyMatch(s -> s.file().equals("national/tax/west15.scenarios.yaml"));
        assertThat(affected).anyMatch(s -> s.file().startsWith("scenarios/"));
        // The file's package (national.tax) is compiled again as a whole: its functions are shared.
        assertThat(affected).allMatch(s -> s.file().startsWith("scenarios/") || s.file().startsWith("national/tax/")
                || s.expect().keySet().stream().anyMatch(k -> edited.measures().get(k.split("@")[0]).conflicts().contains("CN-EIT-WEST15")));
        assertThat(all).anyMatch(s -> !affected.contains(s));
    }

    @Test
    void aCrossMeasureScenarioThatCannotSeeTheEditIsNotRunAgainAndWouldAnswerAsBefore() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        RuleSet serving = new RuleSetCompiler().compile(RuleFiles.read(dir));
        // Zhejiang's measure now wants Guangdong: its own scenarios and those that observe it change.
        Path file = dir.resolve("zhejiang/low-risk-20d.drl");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("locatedIn(\"330000\")", "locatedIn(\"440000\")"),
                StandardCharsets.UTF_8);
        RuleSet edited = new RuleSetCompiler().compile(RuleFiles.read(dir), serving);

        List<Scenario> all = new ScenarioFiles().read(edited.files());
        List<Scenario> affected = ChangedMeasures.between(serving, edited).affected(all);
        List<Scenario> skipped = all.stream().filter(s -> !affected.contains(s)).toList();

        assertThat(skipped).anyMatch(s -> s.file().startsWith("scenarios/"));
        assertThat(affected).anyMatch(s -> s.file().startsWith("scenarios/"));
        ScenarioRunner runner = new ScenarioRunner(new Evaluator(EvaluationLimits.DEFAULT));
        assertThat(affected).anyMatch(s -> !runner.run(edited, s).passed());
        for (Scenario scenario : skipped) {
            assertThat(runner.run(edited, scenario).mismatches()).as(scenario.name()).isEqualTo(runner.run(serving, scenario).mismatches());
        }
    }

    @Test
    void anEditThatBreaksItsMeasureIsStillRefused() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        RuleSet serving = new RuleSetCompiler().compile(RuleFiles.read(dir));
        Path file = dir.resolve(FILE);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // The region criterion now wants Beijing: scenarios of western enterprises must fail.
        Files.writeString(file, text.replace("\"western-region\"", "\"110000\""), StandardCharsets.UTF_8);
        RuleSet edited = new RuleSetCompiler().compile(RuleFiles.read(dir));

        List<RuleProblem> incremental = new ScenarioGate(new Evaluator(EvaluationLimits.DEFAULT)).check(edited, serving);
        List<RuleProblem> full = new ScenarioGate(new Evaluator(EvaluationLimits.DEFAULT)).check(edited);

        assertThat(incremental).isNotEmpty().isEqualTo(full);
    }

    @Test
    void aRemovedMeasureIsReportedInTheUnchangedScenarioFilesThatNameIt() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        RuleSet serving = new RuleSetCompiler().compile(RuleFiles.read(dir));
        Files.delete(dir.resolve("zhejiang/low-risk-20d.drl"));
        RuleSet edited = new RuleSetCompiler().compile(RuleFiles.read(dir), serving);

        List<RuleProblem> incremental = new ScenarioGate(new Evaluator(EvaluationLimits.DEFAULT)).check(edited, serving);
        List<RuleProblem> full = new ScenarioGate(new Evaluator(EvaluationLimits.DEFAULT)).check(edited);

        assertThat(incremental).isEqualTo(full)
                .anyMatch(p -> p.file().equals("zhejiang/low-risk-20d.scenarios.yaml"))
                .anyMatch(p -> p.file().startsWith("scenarios/"));
    }

    private static void append(Path dir, String text) throws Exception {
        Path file = dir.resolve(FILE);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + text, StandardCharsets.UTF_8);
    }
}
