package org.huiqi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.RuleSetCompiler;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/**
 * The CPU deadline stops what the per-rule cap lets run (a cap set high here): the evaluation is
 * refused, the looping rule is named, and a valid profile still evaluates under the same limits.
 */
class EvaluationDeadlineTest {
    private static final Profile PROFILE = ProfileJson.configure(new ObjectMapper())
            .convertValue(Map.of("regionCode", "331123", "employees", 60), Profile.class);
    private final Evaluator evaluator = new Evaluator(new EvaluationLimits(1_000_000_000, Duration.ofMillis(300)));

    @Test
    void aLoopTheCapLetsRunIsStoppedByTheDeadlineAndNamed() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/loop.drl", TempRules.LOOPING_MEASURE);
        RuleSet ruleSet = new RuleSetCompiler().compile(RuleFiles.read(dir));

        long started = System.nanoTime();
        assertThatThrownBy(() -> evaluator.evaluate(ruleSet, LocalDate.of(2025, 6, 1), PROFILE, false))
                .isInstanceOfSatisfying(RuleFiringLimitException.class, e -> {
                    assertThat(e.ruleName()).isEqualTo("LOOP-TEST / loops");
                    assertThat(e.getMessage()).contains("300");
                });
        // Wall time, loosely: only that the loop did not run on until some other limit.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aValidProfileEvaluatesUnderTheSameLimits() {
        RuleSet ruleSet = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));
        assertThat(evaluator.evaluate(ruleSet, LocalDate.of(2025, 6, 1), PROFILE, false).results()).isNotEmpty();
    }
}
