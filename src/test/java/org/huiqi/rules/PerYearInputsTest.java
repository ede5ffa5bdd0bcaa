package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.huiqi.api.ProblemException;
import org.huiqi.api.RequestValidator;
import org.huiqi.evaluation.EvaluationLimits;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An input declared {@code perYear: true} is answered by year, like the financials, and read for
 * one year: the guide's electricity-use example, through the same reading and checks the API uses.
 */
class PerYearInputsTest {
    private static RuleSet ruleSet;
    private final ObjectMapper json = ProfileJson.configure(new ObjectMapper());

    @BeforeAll
    static void compileTheGuidesExample() throws IOException {
        Path dir = TempRules.copyOfProjectRules();
        StaffGuideTest.examples(Files.readString(Path.of("rules/README.md"))).forEach((path, text) -> TempRules.write(dir, path, text));
        ruleSet = new RuleSetCompiler().compile(RuleFiles.read(dir));
    }

    private Profile profile(String inputs) throws IOException {
        return json.readValue("{\"regionCode\": \"441202\", \"aboveScaleNow\": true, \"inputs\": " + inputs + "}", Profile.class);
    }

    private MeasureResult powerSubsidy(Profile profile) {
        return new Evaluator(EvaluationLimits.DEFAULT).evaluate(ruleSet, LocalDate.of(2025, 6, 1), profile, false).results().stream()
                .filter(r -> r.measureId().equals("ZQ-POWER-SUBSIDY")).findFirst().orElseThrow();
    }

    @Test
    void eachYearIsAnsweredApartAndTheRuleReadsTheYearItNames() throws IOException {
        Profile profile = profile("{\"electricityUse\": {\"2023\": 9999, \"2024\": 1200}}");
        RequestValidator.inputs(ruleSet, profile);

        assertThat(powerSubsidy(profile).benefit().amount()).isEqualByComparingTo("60");
    }

    @Test
    void aMissingYearIsAskedForByItsYear() throws IOException {
        MeasureResult result = powerSubsidy(profile("{\"electricityUse\": {\"2023\": 1200}}"));

        assertThat(result.benefit().amount()).isNull();
        assertThat(result.benefit().amountNote().zh()).contains("inputs.electricityUse.2024");
    }

    @Test
    void aSingleNumberForAPerYearInputIsRefusedNamingTheInput() throws IOException {
        Profile profile = profile("{\"electricityUse\": 1200}");

        assertThatThrownBy(() -> RequestValidator.inputs(ruleSet, profile)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("profile.inputs.electricityUse");
                assertThat(error.message()).contains("keyed by year", "万千瓦时");
            });
        });
    }

    @Test
    void keysThatAreNotYearsAreRefusedWhileReading() {
        assertThatThrownBy(() -> profile("{\"electricityUse\": {\"last year\": 1200}}")).hasMessageContaining("four-digit years");
    }

    @Test
    void readingAPerYearInputAsOneNumberIsAValidateErrorWithTheRightWords() throws IOException {
        Path dir = TempRules.copyOfProjectRules();
        StaffGuideTest.examples(Files.readString(Path.of("rules/README.md"))).forEach((path, text) -> TempRules.write(dir, path,
                text.replace("$e.lastYear().input(\"electricityUse\")", "$e.input(\"electricityUse\")")));

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("power-subsidy.drl:").contains("输入项 electricityUse 按年度填写（perYear: true），请读取某一年的值");
    }
}
