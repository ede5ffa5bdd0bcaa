package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huiqi.evaluation.EvaluationLimits;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import java.util.Set;
import java.util.TreeSet;
import org.huiqi.evaluation.Num;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.evaluation.facts.FiscalYear;
import org.huiqi.evaluation.facts.IpCounts;
import org.huiqi.evaluation.facts.Project;
import org.huiqi.evaluation.facts.Tables;
import org.junit.jupiter.api.Test;

/**
 * The staff guide's reader reference is complete: every reader a rule can call, found by
 * reflection, is written in rules/README.md. A developer who adds a reader and forgets the guide
 * fails here, with the names to add. The guide's worked example files (marked
 * {@code <!-- guide-example: path -->}) are taken out of it as written, validated and run.
 */
class StaffGuideTest {
    /** Plumbing that is public for the engine, not for rules: the reason each is left out. */
    private static final Map<Class<?>, Set<String>> NOT_FOR_RULES = Map.of(
            Enterprise.class, Set.of("profile", "projects"),          // raw profile; projects are matched as $p : Project()
            IpCounts.class, Set.of("ip"),                              // the record's raw component
            Tables.class, Set.of("byName"),                            // the raw tables
            Num.class, Set.of("display", "fields", "from", "known", "missing", "undefined", "value", "reason", "unknownBecause"));
    private static final Set<String> FUNCTIONS_NOT_FOR_RULES = Set.of("unknown", "when", "oneOf"); // building blocks of readers

    @Test
    void everyReaderAndFunctionIsInTheGuide() throws IOException {
        String guide = Files.readString(Path.of("rules/README.md"));
        Set<String> absent = new TreeSet<>();
        for (Class<?> type : new Class<?>[] {Enterprise.class, FiscalYear.class, Project.class, IpCounts.class, Tables.class, Num.class}) {
            for (String method : Readers.methods(type)) {
                if (NOT_FOR_RULES.getOrDefault(type, Set.of()).contains(method)) continue;
                if (!guide.contains(method + "(")) absent.add(type.getSimpleName() + "." + method);
            }
        }
        for (String function : Readers.functions()) {
            if (!FUNCTIONS_NOT_FOR_RULES.contains(function) && !guide.contains(function + "(")) absent.add(function);
        }
        assertThat(absent).as("readers missing from rules/README.md").isEmpty();
    }

    /** Each fenced block after a {@code <!-- guide-example: path -->} line, by the path it is saved at. */
    static Map<String, String> examples(String guide) {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<!-- guide-example: (\\S+) -->\\s*\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL).matcher(guide);
        while (m.find()) files.put(m.group(1), m.group(2) + "\n");
        return files;
    }

    @Test
    void theTiersYearRateAndPerYearInputExamplesValidateAndTheirScenariosPassAsWritten() throws IOException {
        Map<String, String> examples = examples(Files.readString(Path.of("rules/README.md")));
        assertThat(examples.keySet()).contains("guangdong/zhaoqing/power-subsidy.drl", "guangdong/zhaoqing/power-subsidy.inputs.yaml",
                "guangdong/zhaoqing/power-rates.table.csv", "guangdong/zhaoqing/power-subsidy.scenarios.yaml",
                "guangdong/zhaoqing/growth-award.drl", "guangdong/zhaoqing/growth-award.scenarios.yaml");
        // the words the issue asked for, and none of the Java it used to take
        String rules = examples.get("guangdong/zhaoqing/power-subsidy.drl") + examples.get("guangdong/zhaoqing/growth-award.drl");
        assertThat(rules).contains("tiers(", "$tables.byYear(", ".input(\"electricityUse\")", "aboveScaleNow()")
                .doesNotContain("if (", "Num ", "\"\" +", "null");
        Path dir = TempRules.copyOfProjectRules();
        examples.forEach((path, text) -> TempRules.write(dir, path, text));

        StaffCommandsTest.Run validate = StaffCommandsTest.run("validate", dir.toString());
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        for (String file : new String[] {"guangdong/zhaoqing/power-subsidy.drl", "guangdong/zhaoqing/growth-award.drl"}) {
            StaffCommandsTest.Run test = StaffCommandsTest.run("test", dir.toString(), "--only", file);
            assertThat(test.exitCode()).as(test.output()).isZero();
            assertThat(test.output()).doesNotContain("FAIL").containsPattern("[1-9]\\d* passed, 0 failed");
        }
    }

    @Test
    void aYearTheRateTableDoesNotHaveYetSaysSoInTheResult() throws IOException {
        Path dir = TempRules.copyOfProjectRules();
        examples(Files.readString(Path.of("rules/README.md"))).forEach((path, text) -> TempRules.write(dir, path, text));
        RuleSet ruleSet = new RuleSetCompiler().compile(RuleFiles.read(dir));

        Profile profile = ProfileJson.configure(new ObjectMapper()).convertValue(Map.of("regionCode", "441202", "aboveScaleNow", true,
                "inputs", Map.of("electricityUse", Map.of("2026", 1500))), Profile.class);
        MeasureResult result = new Evaluator(EvaluationLimits.DEFAULT).evaluate(ruleSet, LocalDate.of(2027, 3, 1), profile, false)
                .results().stream().filter(r -> r.measureId().equals("ZQ-POWER-SUBSIDY")).findFirst().orElseThrow();

        assertThat(result.status()).isEqualTo(MeasureResult.Status.ELIGIBLE);
        assertThat(result.benefit().amount()).isNull();
        assertThat(result.benefit().amountNote().zh()).isEqualTo("表格“power-rates”中没有2026 年这一行，无法计算：请向发文单位确认");
    }

    @Test
    void theGuideSendsStaffToTheJarNotToMaven() throws IOException {
        String guide = Files.readString(Path.of("rules/README.md"));
        assertThat(guide).doesNotContain("mvnw", "target/quarkus-app")
                .contains("java -jar quarkus-run.jar validate", "java -jar quarkus-run.jar test --only", "java -jar quarkus-run.jar new",
                        "0.01 万元", "$e.input(\"copperOutputTonnes\")", "copper-growth.inputs.yaml");
    }
}
