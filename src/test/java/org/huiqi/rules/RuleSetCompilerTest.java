package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.EvaluationLimits;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.junit.jupiter.api.Test;

class RuleSetCompilerTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final Evaluator evaluator = new Evaluator(EvaluationLimits.DEFAULT);

    @Test
    void aNewRuleFileAddsAMeasureWithoutAnyJavaChange() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);

        RuleSet ruleSet = compiler.compile(RuleFiles.read(dir));
        Evaluation evaluation = evaluator.evaluate(ruleSet, LocalDate.of(2025, 6, 1), profile(Map.of("employees", 80)), false);

        MeasureResult extra = evaluation.results().stream().filter(r -> r.measureId().equals("TEST-EXTRA-AWARD")).findFirst().orElseThrow();
        assertThat(extra.status()).isEqualTo(MeasureResult.Status.ELIGIBLE);
        assertThat(extra.benefit().amount()).isEqualByComparingTo("8");
        assertThat(extra.jurisdiction()).isEqualTo("zhejiang/suichang");
        assertThat(evaluator.evaluate(ruleSet, LocalDate.of(2025, 6, 1), profile(Map.of("employees", 500)), false)
                .results().stream().filter(r -> r.measureId().equals("TEST-EXTRA-AWARD")).findFirst().orElseThrow()
                .benefit().amount()).as("capped").isEqualByComparingTo("10");
    }

    @Test
    void theVersionChangesWithAnyEditAndOnlyThen() {
        Path dir = TempRules.copyOfProjectRules();
        String before = RuleFiles.read(dir).version();
        assertThat(RuleFiles.read(dir).version()).isEqualTo(before);
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);
        assertThat(RuleFiles.read(dir).version()).isNotEqualTo(before).startsWith("sha256:");
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE + "\nrule \"broken\"\nwhen\n    $e : Enterprise(\nthen\nend\n");
        int lines = TempRules.EXTRA_MEASURE.split("\n", -1).length;

        assertThatThrownBy(() -> compiler.compile(RuleFiles.read(dir)))
                .isInstanceOfSatisfying(RuleSetException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    assertThat(e.problems().get(0).file()).isEqualTo("zhejiang/suichang/extra.drl");
                    assertThat(e.problems().get(0).line()).isBetween(lines, lines + 5);
                });
    }

    @Test
    void aTypeErrorInARuleNamesTheFileAndTheRule() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl",
                TempRules.EXTRA_MEASURE.replace("atLeast($e.employees(), 50)", "atLeast($e.employes(), 50)"));

        assertThatThrownBy(() -> compiler.compile(RuleFiles.read(dir)))
                .isInstanceOfSatisfying(RuleSetException.class, e -> {
                    RuleProblem problem = e.problems().get(0);
                    assertThat(problem.file()).isEqualTo("zhejiang/suichang/extra.drl");
                    assertThat(problem.line()).as("the line with the typo").isEqualTo(26);
                    assertThat(problem.column()).isEqualTo(31);
                    assertThat(problem.message()).contains("规则 \"TEST-EXTRA-AWARD / employees\"", "是不是“employees”",
                            "did you mean 'employees'");
                });
    }

    @Test
    void aMeasureWithoutItsCitationIsRejected() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE.replace("    @issuer(\"测试单位\")\n", ""));

        assertThatThrownBy(() -> compiler.compile(RuleFiles.read(dir)))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
                        .containsExactly(new RuleProblem("zhejiang/suichang/extra.drl", 7, 0,
                                "措施“TEST-EXTRA-AWARD”的声明缺少 @issuer（发文单位）：出处和施行日期必须写明 / measure TEST-EXTRA-AWARD is missing @issuer")));
    }

    @Test
    void aMeasureThatDoesNotSayHowItIsClaimedIsRejectedAtItsDeclaration() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE.replace(" @officeZh(\"测试受理部门\")", ""));

        assertThatThrownBy(() -> compiler.compile(RuleFiles.read(dir)))
                .isInstanceOfSatisfying(RuleSetException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    RuleProblem problem = e.problems().get(0);
                    assertThat(problem.toString()).as("file:line:column of the declaration, Chinese first")
                            .startsWith("zhejiang/suichang/extra.drl:7:1: 措施缺少申领方式或受理部门");
                    assertThat(problem.message()).contains("@claim", "@officeZh", "CLAIM_AT_FILING");
                });
    }

    @Test
    void aClaimModeOutsideTheListIsRejectedWhereItIsWritten() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE.replace("@claim(\"APPLY\")", "@claim(\"ONLINE\")"));

        assertThatThrownBy(() -> compiler.compile(RuleFiles.read(dir)))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems().get(0).toString())
                        .startsWith("zhejiang/suichang/extra.drl:15:30: @claim 的申领方式只能是 CLAIM_AT_FILING | APPLY")
                        .contains("not ONLINE"));
    }

    @Test
    void howEachMeasureIsClaimedIsReadFromItsDeclaration() {
        RuleSet ruleSet = compiler.compile(RuleFiles.read(Path.of("rules")));
        assertThat(ruleSet.measures().values()).allSatisfy(m -> {
            assertThat(m.howToClaim().mode()).isNotNull();
            assertThat(m.howToClaim().office().zh()).isNotBlank();
        });
        assertThat(ruleSet.measures().values().stream().filter(m -> m.howToClaim().mode() == HowToClaim.Mode.CLAIM_AT_FILING)
                .map(Measure::id)).as("corporate income-tax preferences are claimed in the return, and the VAT election")
                .contains("CN-HNTE-EIT15", "CN-EIT-WEST15", "CN-EIT-RCU-90", "CN-EIT-ENV-3F3H");
        HowToClaim award = ruleSet.measures().get("WZ-XSG").howToClaim();
        assertThat(award.office().zh()).isEqualTo("梧州市工业和信息化局");
        assertThat(award.window().zh()).as("an unknown round says whom to ask, never a date").isEqualTo("按当年申报通知，请咨询梧州市工业和信息化局");
        assertThat(award.confirmed()).isFalse();
        assertThat(ruleSet.measures().get("CN-EIT-WEST15").howToClaim().documents()).hasSize(1);
    }

    @Test
    void aCriterionOfAnUndeclaredMeasureIsRejected() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE.replace("\"TEST-EXTRA-AWARD / employees\"", "\"TEST-EXTRA-AWRAD / employees\""));

        assertThatThrownBy(() -> compiler.compile(RuleFiles.read(dir)))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems().toString())
                        .contains("TEST-EXTRA-AWRAD", "which no rule declares"));
    }

    @Test
    void aMeasureDeclaredTwiceIsRejected() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);
        TempRules.write(dir, "zhejiang/suichang/copy.drl", TempRules.EXTRA_MEASURE.replace("package zhejiang.suichang", "package zhejiang.copy"));

        assertThatThrownBy(() -> compiler.compile(RuleFiles.read(dir)))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems().toString())
                        .contains("措施编号“TEST-EXTRA-AWARD”也在 zhejiang/suichang/extra.drl 第7行用过", "is also used in"));
    }

    @Test
    void twoRulesWithOneNameInAPackageAreAnError() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);
        TempRules.write(dir, "zhejiang/suichang/dup.drl", TempRules.EXTRA_MEASURE);

        assertThatThrownBy(() -> compiler.compile(RuleFiles.read(dir))).isInstanceOf(RuleSetException.class);
    }

    @Test
    void aTableRowThatIsNotANumberIsReportedByFileAndLine() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "guangdong/xsg-2025-amounts.table.csv",
                "region(地区),per_item(数值 万元),note(文字)\npearl-river-delta,5,珠三角\nguangdong-east-west-north,二十,粤东西北\n");

        assertThatThrownBy(() -> compiler.compile(RuleFiles.read(dir)))
                .isInstanceOfSatisfying(RuleSetException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    RuleProblem problem = e.problems().get(0);
                    assertThat(problem.file()).isEqualTo("guangdong/xsg-2025-amounts.table.csv");
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.column()).isEqualTo("guangdong-east-west-north,".length() + 1);
                    assertThat(problem.message()).startsWith("“per_item”列是数值（单位 万元，写在表头），单元格里只写数字，不能是“二十”");
                });
    }

    @Test
    void editingATableChangesTheAmount() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "guangdong/xsg-2025-amounts.table.csv",
                "region(地区),per_item(数值 万元),note(文字)\npearl-river-delta,6,珠三角\nguangdong-east-west-north,20,粤东西北\n");
        RuleSet ruleSet = compiler.compile(RuleFiles.read(dir));

        Evaluation evaluation = evaluator.evaluate(ruleSet, LocalDate.of(2025, 6, 1), profile(Map.of(
                "regionCode", "441200", "firstAboveScaleYear", 2024, "receivedProvincialXsgAward", false,
                "newPlantEntry", false, "convertedFromNonIndustrial", false, "movedBetweenCities", false,
                "majorIncidentWithin3Years", false)), false);

        assertThat(evaluation.results().stream().filter(r -> r.measureId().equals("GD-XSG-2025")).findFirst().orElseThrow()
                .benefit().amount()).isEqualByComparingTo("6");
    }

    private static Profile profile(Map<String, Object> fields) {
        return ProfileJson.configure(new ObjectMapper()).convertValue(fields, Profile.class);
    }

    @Test
    void aMalformedPickListIsABuildErrorNamingTheFile() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "reference/industries.yaml", """
                sections:
                  - code: C
                    zh: 制造业
                    en: Manufacturing
                    divisions:
                      - {code: "59", zh: 装卸搬运和仓储业, en: Loading, unloading and storage}
                      - code: "42"
                        zh: 废弃资源综合利用业
                        en: Utilization of waste resources
                        keywords: 回收
                        classes:
                          - {code: "4210", zh: 金属废料和碎屑加工处理, en: Metal waste, scrap}
                """);
        TempRules.write(dir, "reference/parks.yaml", "parks:\n  - {id: Some Park, zh: 某园区, en: a park, regionCode: \"999900\"}\n");
        assertThatThrownBy(() -> new RuleSetCompiler().compile(RuleFiles.read(dir)))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("reference/industries.yaml")
                .hasMessageContaining("unknown key 'unloading and storage'")
                .hasMessageContaining("keywords of 42 must be a list of words")
                .hasMessageContaining("class 4210 has an unknown key 'scrap'")
                .hasMessageContaining("reference/parks.yaml")
                .hasMessageContaining("not among the regions");
    }
}
