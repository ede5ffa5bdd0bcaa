package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guide's second worked example (section 8, a measure with a declared input) works as written:
 * its code blocks, pasted into the skeleton {@code new} writes, pass validate and test.
 */
class WorkedExampleTest {
    private static final String DRL = "guangxi/wuzhou/copper-growth.drl";

    private static List<String> codeBlocks(String section) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)```(?:yaml)?\\n(.*?)```").matcher(section);
        while (m.find()) blocks.add(m.group(1).replaceAll("(?m)^   ", ""));
        return blocks;
    }

    @Test
    void theDeclaredInputExampleInTheGuidePassesValidateAndTest() throws IOException {
        String guide = Files.readString(Path.of("rules/README.md"));
        String section = guide.substring(guide.indexOf("## 8."), guide.indexOf("# Guide for policy staff (English)"));
        List<String> blocks = codeBlocks(section);
        String inputs = blocks.stream().filter(b -> b.startsWith("inputs:")).findFirst().orElseThrow();
        String rules = blocks.stream().filter(b -> b.startsWith("rule ")).findFirst().orElseThrow();

        Path dir = TempRules.copyOfProjectRules();
        assertThat(StaffCommandsTest.run("new", "guangxi/wuzhou/copper-growth", "--id", "WZ-COPPER-GROWTH", "--region", "450400",
                "--dir", dir.toString()).exitCode()).isZero();
        String skeleton = Files.readString(dir.resolve(DRL));
        String declaration = skeleton.substring(0, skeleton.indexOf("// 待填：抄录政策原文中的条件")).replaceAll("待填[：:] ?", "");
        Files.writeString(dir.resolve(DRL), declaration + "\n" + rules);
        Files.writeString(dir.resolve("guangxi/wuzhou/copper-growth.inputs.yaml"), inputs);
        Files.writeString(dir.resolve("guangxi/wuzhou/copper-growth.scenarios.yaml"), """
                scenarios:
                  - name: 收入2500（上年2200），产量1200吨 → 符合，3万元
                    asOf: 2025-06-01
                    profile: &base
                      regionCode: "450400"
                      industryCode: C3211
                      majorIncidentWithin3Years: false
                      financials: {"2024": {mainBusinessRevenue: 2500}, "2023": {mainBusinessRevenue: 2200}}
                      inputs: {copperOutputTonnes: 1200}
                    expect:
                      WZ-COPPER-GROWTH: {status: ELIGIBLE, amount: 3}
                  - name: 恰好达到门槛
                    asOf: 2025-06-01
                    profile:
                      <<: *base
                      financials: {"2024": {mainBusinessRevenue: 2200}, "2023": {mainBusinessRevenue: 2000}}
                      inputs: {copperOutputTonnes: 1000}
                    expect:
                      WZ-COPPER-GROWTH: {status: ELIGIBLE, amount: 2}
                  - name: 产量999吨 → 差一吨
                    asOf: 2025-06-01
                    profile:
                      <<: *base
                      inputs: {copperOutputTonnes: 999}
                    expect:
                      WZ-COPPER-GROWTH: {status: NOT_ELIGIBLE, failed: [copper-output]}
                  - name: 未填产量 → 需补充
                    asOf: 2025-06-01
                    profile:
                      <<: *base
                      inputs: {}
                    expect:
                      WZ-COPPER-GROWTH: {status: NEEDS_INFO, missing: [inputs.copperOutputTonnes]}
                  - name: 南宁企业 → 不显示
                    asOf: 2025-06-01
                    profile:
                      <<: *base
                      regionCode: "450100"
                    expect:
                      WZ-COPPER-GROWTH: ABSENT
                """);

        StaffCommandsTest.Run validate = StaffCommandsTest.run("validate", dir.toString());
        assertThat(validate.output()).startsWith("OK: ");
        StaffCommandsTest.Run test = StaffCommandsTest.run("test", dir.toString(), "--only", DRL);
        assertThat(test.output()).contains("5 passed, 0 failed");
    }
}
