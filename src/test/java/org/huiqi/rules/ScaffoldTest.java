package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code new}: a skeleton staff complete; validate lists every 待填 until it is filled, then it passes. */
class ScaffoldTest {
    private static final String DRL = "guangxi/wuzhou/copper-growth.drl";
    private static final String SCENARIOS = "guangxi/wuzhou/copper-growth.scenarios.yaml";

    @Test
    void aScaffoldIsReportedUntilFilledAndThenPassesValidateAndTest() throws IOException {
        Path dir = TempRules.copyOfProjectRules();

        StaffCommandsTest.Run created = StaffCommandsTest.run("new", "guangxi/wuzhou/copper-growth", "--id", "WZ-COPPER-GROWTH",
                "--region", "450400", "--dir", dir.toString());
        assertThat(created.exitCode()).isZero();
        assertThat(created.output()).contains(DRL, SCENARIOS);
        String rule = Files.readString(dir.resolve(DRL));
        String scenarios = Files.readString(dir.resolve(SCENARIOS));
        assertThat(rule).contains("package guangxi.wuzhou", "rule \"WZ-COPPER-GROWTH\"", "rule \"WZ-COPPER-GROWTH / region\"",
                "$e.locatedIn(\"450400\")", "@zh(\"注册在梧州市\")");
        assertThat(scenarios).contains("符合全部条件", "恰好达到门槛", "比门槛少一个单位", "需补充信息", "其他地区");

        StaffCommandsTest.Run unfilled = StaffCommandsTest.run("validate", dir.toString());
        assertThat(unfilled.exitCode()).isEqualTo(1);
        assertThat(unfilled.output()).contains(DRL + ":1:4: 第1行还有“待填”", SCENARIOS + ":5:")
                .doesNotContain("cannot be resolved", "Unrecognized");

        // what a staff member types in, following the examples the skeleton gives
        rule = rule.replaceAll("待填[：:] ?", "").replace("atLeast(待填, 待填)", "atLeast($e.employees(), 50)");
        Files.writeString(dir.resolve(DRL), rule);
        String[] figures = {"employees: 80", "employees: 50", "employees: 49"};
        for (String figure : figures) scenarios = scenarios.replaceFirst("待填: 待填", figure);
        scenarios = scenarios.replace("asOf: 待填", "asOf: 2025-06-01").replace("missing: [待填]", "missing: [employees]");
        Files.writeString(dir.resolve(SCENARIOS), scenarios);

        StaffCommandsTest.Run validate = StaffCommandsTest.run("validate", dir.toString());
        assertThat(validate.output()).startsWith("OK: ");
        StaffCommandsTest.Run test = StaffCommandsTest.run("test", dir.toString(), "--only", DRL);
        assertThat(test.output()).contains("5 passed, 0 failed");
        assertThat(test.exitCode()).isZero();
    }

    @Test
    void aScaffoldRefusesAnUnknownRegionAnIdInUseAndABadId() {
        Path dir = TempRules.copyOfProjectRules();

        assertThat(StaffCommandsTest.run("new", "guangxi/wuzhou/a", "--id", "WZ-A", "--region", "45040", "--dir", dir.toString()).output())
                .contains("地区“45040”不在 reference/regions.yaml 中，是不是“450400”");
        assertThat(StaffCommandsTest.run("new", "guangxi/wuzhou/a", "--id", "WZ-XSG", "--region", "450400", "--dir", dir.toString()).output())
                .contains("措施编号 WZ-XSG 已在 guangxi/wuzhou/xsg.drl 中使用");
        StaffCommandsTest.Run bad = StaffCommandsTest.run("new", "guangxi/wuzhou/a", "--id", "wz_a", "--region", "450400", "--dir", dir.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.output()).contains("措施编号“wz_a”不合规则");
        assertThat(Files.exists(dir.resolve("guangxi/wuzhou/a.drl"))).isFalse();
    }
}
