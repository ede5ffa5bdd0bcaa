package org.huiqi.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A scratch copy of the project's rules directory that a test may edit. */
public final class TempRules {
    private TempRules() {
    }

    /** A copy of the project's rules with {@code from} replaced by {@code to} in {@code file}, which must contain it. */
    public static Path editedCopy(String file, String from, String to) throws IOException {
        Path dir = copyOfProjectRules();
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        if (!text.contains(from)) throw new IllegalArgumentException(file + " does not contain " + from);
        Files.writeString(path, text.replace(from, to));
        return dir;
    }

    public static Path copyOfProjectRules() {
        try {
            Path target = Files.createTempDirectory("rules-");
            Path source = Path.of("rules");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String relative = source.relativize(file).toString();
                    // The deployment listing belongs to the checkout, not to a rules directory: a copy that tests
                    // add files to would otherwise fail validate for not listing them (DeploymentListing).
                    if (relative.equals(RuleFiles.DEPLOYMENT_ONLY)) continue;
                    Path to = target.resolve(relative);
                    if (Files.isDirectory(file)) Files.createDirectories(to);
                    else Files.copy(file, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path dir, String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A measure whose criterion rule re-triggers itself forever: a classic staff mistake, made here
     * with the vocabulary alone (each decision it records is a new conclusion it matches again).
     */
    public static final String LOOPING_MEASURE = """
            package zhejiang.suichang

            import org.huiqi.evaluation.facts.Enterprise
            import org.huiqi.evaluation.CriterionOutcome
            import function org.huiqi.evaluation.Criteria.*
            import function org.huiqi.evaluation.Decisions.*

            rule "LOOP-TEST"
                @zh("循环测试")
                @en("Loop test")
                @benefit("SERVICE")
                @benefitZh("无")
                @benefitEn("none")
                @document("测试文件")
                @issuer("测试单位")
                @validFrom("2020-01-01") @claim("APPLY") @officeZh("测试受理部门") @officeEn("Test office")
            when
            then
            end

            rule "LOOP-TEST / seed"
                @zh("起点")
                @en("seed")
            when
                $e : Enterprise()
            then
                decide(drools, atLeast($e.employees(), 1));
            end

            rule "LOOP-TEST / loops"
                @zh("循环")
                @en("loops")
            when
                $e : Enterprise()
                $o : CriterionOutcome(measureId == "LOOP-TEST")
            then
                decide(drools, atLeast($e.employees(), 1));
            end
            """;

    /** A complete new measure, written the way staff would: a declaration and one criterion. */
    public static final String EXTRA_MEASURE = """
            package zhejiang.suichang

            import org.huiqi.evaluation.facts.Enterprise
            import function org.huiqi.evaluation.Criteria.*
            import function org.huiqi.evaluation.Decisions.*

            rule "TEST-EXTRA-AWARD"
                @zh("测试用奖励")
                @en("Award used by a test")
                @benefit("CASH")
                @benefitZh("每名员工0.1万元，最多10万元")
                @benefitEn("1,000 CNY per employee, at most 100,000 CNY")
                @document("测试文件")
                @issuer("测试单位")
                @validFrom("2020-01-01") @claim("APPLY") @officeZh("测试受理部门") @officeEn("Test office")
            when
            then
            end

            rule "TEST-EXTRA-AWARD / employees"
                @zh("员工不少于50人")
                @en("At least 50 employees")
            when
                $e : Enterprise()
            then
                decide(drools, atLeast($e.employees(), 50));
            end

            rule "TEST-EXTRA-AWARD / amount"
            when
                $e : Enterprise()
            then
                award(drools, $e.employees().times(0.1), 10);
            end
            """;

    /** A measure that reads an input declared beside it, as the guide's worked example does. */
    public static final String COPPER_MEASURE = """
            package guangxi.wuzhou

            import org.huiqi.evaluation.facts.Enterprise
            import function org.huiqi.evaluation.Criteria.*
            import function org.huiqi.evaluation.Decisions.*

            rule "WZ-TEST-COPPER"
                @zh("测试：再生铜产量奖励")
                @en("Test: recycled copper output award")
                @benefit("CASH")
                @benefitZh("每吨0.01万元，最多50万元")
                @benefitEn("100 CNY per tonne, at most 500,000 CNY")
                @document("测试文件")
                @issuer("测试单位")
                @validFrom("2024-01-01") @claim("APPLY") @officeZh("测试受理部门") @officeEn("Test office")
            when
            then
            end

            rule "WZ-TEST-COPPER / region"
                @zh("注册在梧州市")
                @en("Registered in Wuzhou")
            when
                $e : Enterprise()
            then
                decide(drools, $e.locatedIn("450400"));
            end

            rule "WZ-TEST-COPPER / copper-output"
                @zh("上年再生铜产量不低于1000吨")
                @en("Recycled copper output last year at least 1000 tonnes")
            when
                $e : Enterprise()
            then
                decide(drools, atLeast($e.input("copperOutputTonnes"), 1000));
            end

            rule "WZ-TEST-COPPER / amount"
            when
                $e : Enterprise()
            then
                award(drools, $e.input("copperOutputTonnes").times(0.01), 50);
            end
            """;

    public static final String COPPER_INPUTS = """
            inputs:
              - id: copperOutputTonnes
                type: number
                unit: 吨
                zh: 上年再生铜产量
                en: Recycled copper output last year
                help: 按上年统计报表中的再生铜产量填写
            """;

    public static final String COPPER_SCENARIOS = """
            scenarios:
              - name: 产量1200吨 → 符合，12万元
                asOf: 2025-06-01
                profile: &base
                  regionCode: "450400"
                  inputs: {copperOutputTonnes: 1200}
                expect:
                  WZ-TEST-COPPER: {status: ELIGIBLE, amount: 12}
              - name: 产量999吨 → 差一吨
                asOf: 2025-06-01
                profile:
                  <<: *base
                  inputs: {copperOutputTonnes: 999}
                expect:
                  WZ-TEST-COPPER: {status: NOT_ELIGIBLE, failed: [copper-output]}
              - name: 未填产量 → 需补充
                asOf: 2025-06-01
                profile: {regionCode: "450400"}
                expect:
                  WZ-TEST-COPPER: {status: NEEDS_INFO, missing: [inputs.copperOutputTonnes]}
            """;

    /** Adds the copper measure, its inputs and its scenarios to {@code dir}. */
    public static void addCopperMeasure(Path dir) {
        write(dir, "guangxi/wuzhou/test-copper.drl", COPPER_MEASURE);
        write(dir, "guangxi/wuzhou/test-copper.inputs.yaml", COPPER_INPUTS);
        write(dir, "guangxi/wuzhou/test-copper.scenarios.yaml", COPPER_SCENARIOS);
    }

    /**
     * A measure whose amount rule fails for every profile that gives its employees (a cap that was
     * never filled in, as a table cell that did not read as a number leaves it), and for no other:
     * scenarios without employees pass, a real enterprise's self-check would not.
     */
    public static final String THROWING_MEASURE = """
            package zhejiang.suichang

            import org.huiqi.evaluation.facts.Enterprise
            import function org.huiqi.evaluation.Criteria.*
            import function org.huiqi.evaluation.Decisions.*

            rule "FAULT-TEST"
                @zh("出错测试")
                @en("Fault test")
                @benefit("CASH")
                @benefitZh("每人0.1万元")
                @benefitEn("1,000 CNY per employee")
                @document("测试文件")
                @issuer("测试单位")
                @validFrom("2020-01-01")
                @claim("APPLY") @officeZh("遂昌县经济商务科技局") @officeEn("Suichang Economy and Commerce Bureau")
            when
            then
            end

            rule "FAULT-TEST / employees"
                @zh("员工不少于1人")
                @en("At least 1 employee")
            when
                $e : Enterprise()
            then
                decide(drools, atLeast($e.employees(), 1));
            end

            rule "FAULT-TEST / amount"
            when
                $e : Enterprise()
            then
                award(drools, $e.employees().atMost(null), 10);
            end
            """;

    public static final String THROWING_SCENARIOS = """
            scenarios:
              - name: 未填员工 → 需补充
                asOf: 2025-06-01
                profile: {regionCode: "331123"}
                expect:
                  FAULT-TEST: {status: NEEDS_INFO}
            """;
}
