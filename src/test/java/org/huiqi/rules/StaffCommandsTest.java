package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The offline commands staff run before committing: exit codes and what they print. */
class StaffCommandsTest {
    record Run(int exitCode, String output) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = StaffCommands.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void validateAGoodDirectory() {
        Run run = run("validate", "rules");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).startsWith("OK: ").contains("measures compiled", "sha256:");
    }

    @Test
    void validateABrokenDirectoryPrintsFileLineColumnAndFails() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        Path file = dir.resolve("guangxi/wuzhou/xsg.drl");
        int lines = Files.readString(file).split("\n", -1).length;
        Files.writeString(file, Files.readString(file) + "\nrule \"oops\"\nwhen\n    Enterprise(\nthen\nend\n");

        Run run = run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern(dir + "/guangxi/wuzhou/xsg\\.drl:" + (lines + 5) + ":\\d+: .*mismatched input 'end'");
    }

    @Test
    void validateRefusesARuleThatExitsAtItsLineAndColumnWithoutRunningIt() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        Path file = dir.resolve("guangxi/wuzhou/xsg.drl");
        String text = Files.readString(file);
        int line = text.substring(0, text.indexOf("decide(drools")).split("\n", -1).length;
        Files.writeString(file, text.replaceFirst("decide\\(drools", "System.exit(3); decide(drools"));

        Run run = run("validate", dir.toString());

        assertThat(run.exitCode()).as("validate returned: nothing of the rule ran").isEqualTo(1);
        assertThat(run.output()).containsPattern(dir + "/guangxi/wuzhou/xsg\\.drl:" + line + ":\\d+: “System\\.exit”不在规则可用的写法之内");
    }

    @Test
    void testAGoodDirectoryPassesEveryScenario() {
        Run run = run("test", "rules");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).containsPattern("PASS rules/guangdong/xsg-2025\\.scenarios\\.yaml:\\d+: ").containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void testADirectoryWithAWrongExpectationFailsNamingTheCase() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        Path file = dir.resolve("guangxi/wuzhou/xsg.scenarios.yaml");
        Files.writeString(file, Files.readString(file).replace("WZ-XSG: {status: NEEDS_INFO, missing: [firstAboveScaleYear]}", "WZ-XSG: ELIGIBLE"));

        Run run = run("test", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern("FAIL " + dir + "/guangxi/wuzhou/xsg\\.scenarios\\.yaml:\\d+: 未填首次纳规年份 → 需补充")
                .contains("WZ-XSG: 应为 ELIGIBLE，实际为 NEEDS_INFO（缺少：[firstAboveScaleYear]） / expected ELIGIBLE, got NEEDS_INFO").containsPattern("(?m)^\\d+ passed, 1 failed$");
    }

    @Test
    void aMissingDirectoryIsAUsageError() {
        assertThat(run("validate", "/no/such/dir").exitCode()).isEqualTo(2);
    }
}
