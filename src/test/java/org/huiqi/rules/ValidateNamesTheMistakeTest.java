package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The mistakes of issue 24 that used to pass or to answer in engine words: each makes
 * {@code validate} fail at the file and line a staff member must open, Chinese first, with no
 * word of the engine's.
 */
class ValidateNamesTheMistakeTest {
    private static final Pattern ENGINE_WORDS = Pattern.compile("Rule_|\\$u45\\$|Exception|is already defined|Duplicate rule name");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    /** The problem lines of a run that name {@code file}, after "path:line:column: ". */
    private static List<String> problemsIn(StaffCommandsTest.Run run, Path dir, String file) {
        return run.output().lines().filter(l -> l.startsWith(dir.resolve(file) + ":")).toList();
    }

    /** Chinese before the " / " that starts the English, and nothing of the engine anywhere. */
    private static void assertStaffWords(StaffCommandsTest.Run run) {
        assertThat(ENGINE_WORDS.matcher(run.output()).find()).as("engine words in:%n%s", run.output()).isFalse();
        run.output().lines().filter(l -> l.matches(".*:\\d+:\\d+: .*")).forEach(line -> {
            String message = line.replaceFirst("^.*?:\\d+:\\d+: ", "");
            assertThat(message).as(line).contains(" / ");
            assertThat(CHINESE.matcher(message.substring(0, message.indexOf(" / "))).find()).as("Chinese first: %s", line).isTrue();
        });
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) return i + 1;
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void aUnitInANumberCellIsRefusedWhateverTheColumnIsCalled() {
        Path dir = TempRules.copyOfProjectRules();
        String row = "2025,0.06元";
        TempRules.write(dir, "guangdong/zhaoqing/power-rates.table.csv", "# 电费补贴标准\n年度(年份),每千瓦时补贴(数值 元/千瓦时)\n2024,0.05\n" + row + "\n");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problemsIn(run, dir, "guangdong/zhaoqing/power-rates.table.csv")).singleElement().asString()
                .contains("power-rates.table.csv:4:6: “每千瓦时补贴”列是数值（单位 元/千瓦时，写在表头），单元格里只写数字，不能是“0.06元”，是不是“0.06”？");
        assertStaffWords(run);
    }

    @Test
    void aColumnWhoseHeaderDoesNotSayWhatItHoldsIsRefused() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "guangdong/zhaoqing/power-rates.table.csv", "year(年份),rate\n2025,0.06\n");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problemsIn(run, dir, "guangdong/zhaoqing/power-rates.table.csv")).singleElement().asString()
                .contains("power-rates.table.csv:1:10: 表头“rate”没有写明这一列是什么：请写成 rate(类型)");
        assertStaffWords(run);
    }

    @Test
    void aYearCellThatIsNotAYearIsRefused() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "guangdong/zhaoqing/power-rates.table.csv", "year(年份),rate(数值 元/千瓦时)\n2025年,0.06\n");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(problemsIn(run, dir, "guangdong/zhaoqing/power-rates.table.csv")).singleElement().asString()
                .contains("power-rates.table.csv:2:1: “year”列是年份，请写四位数字，如 2025，不能是“2025年”");
    }

    @Test
    void aLookupThatReadsATextColumnAsTheAmountIsRefusedBeforeItCanFail() throws IOException {
        String file = "national/tax/rcu-vat-refund.drl";
        Path dir = TempRules.editedCopy(file, "\"rate_pct\", \"rcuVatCategory\")", "\"note\", \"rcuVatCategory\")");
        int at = lineOf(dir.resolve(file), "\"note\", \"rcuVatCategory\")");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problemsIn(run, dir, file)).singleElement().asString()
                .contains(file + ":" + at + ":").contains("数值列“note”不存在于 national/tax/rcu-vat-refund-rates.table.csv，可用：[rate_pct]");
        assertStaffWords(run);
    }

    @Test
    void aBadValidFromIsReportedOnTheAnnotationsLine() throws IOException {
        String file = "guangdong/huizhou/storage-mfg-power.drl";
        Path dir = TempRules.editedCopy(file, "@validFrom(\"2023-07-04\")", "@validFrom(\"2023-7-4\")");
        int at = lineOf(dir.resolve(file), "@validFrom(\"2023-7-4\")");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problemsIn(run, dir, file)).singleElement().asString()
                .contains(file + ":" + at + ":5: @validFrom(\"2023-7-4\") 不是日期：请写成“2025-01-01”的格式");
        assertStaffWords(run);
    }

    @Test
    void aMissingCitationIsReportedOnTheDeclarationsLineInStaffWords() throws IOException {
        String file = "guangdong/huizhou/storage-mfg-power.drl";
        Path dir = TempRules.editedCopy(file, "    @issuer(\"惠州市人民政府办公室\")\n", "");
        int at = lineOf(dir.resolve(file), "rule \"HZ-STORAGE-MFG-POWER\"");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problemsIn(run, dir, file)).singleElement().asString()
                .contains(file + ":" + at + ":").contains("措施“HZ-STORAGE-MFG-POWER”的声明缺少 @issuer（发文单位）");
        assertStaffWords(run);
    }

    @Test
    void aFileCopiedInItsFolderNamesTheIdUsedTwiceOncePerFile() throws IOException {
        Path dir = TempRules.copyOfProjectRules();
        Path original = dir.resolve("guangdong/zhaoqing/mfg-invest.drl");
        Files.copy(original, dir.resolve("guangdong/zhaoqing/mfg-invest-2026.drl"));
        int at = lineOf(original, "rule \"ZQ-MFG-INVEST\"");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problemsIn(run, dir, "guangdong/zhaoqing/mfg-invest-2026.drl")).singleElement().asString()
                .contains("mfg-invest-2026.drl:" + at + ":7: 措施编号“ZQ-MFG-INVEST”也在 guangdong/zhaoqing/mfg-invest.drl 第" + at
                        + "行用过，同一个编号只能用一次");
        assertThat(problemsIn(run, dir, "guangdong/zhaoqing/mfg-invest.drl")).singleElement().asString()
                .contains("也在 guangdong/zhaoqing/mfg-invest-2026.drl 第" + at + "行用过");
        assertThat(run.output()).contains("2 个问题");
        assertStaffWords(run);
    }

    @Test
    void anIdUsedTwiceAcrossFoldersIsNamedTheSameWay() throws IOException {
        Path dir = TempRules.copyOfProjectRules();
        String copy = Files.readString(dir.resolve("guangdong/zhaoqing/mfg-invest.drl"))
                .replace("package guangdong.zhaoqing", "package guangdong.huizhou");
        TempRules.write(dir, "guangdong/huizhou/mfg-invest.drl", copy);

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(problemsIn(run, dir, "guangdong/huizhou/mfg-invest.drl")).singleElement().asString()
                .contains("措施编号“ZQ-MFG-INVEST”也在 guangdong/zhaoqing/mfg-invest.drl");
        assertStaffWords(run);
    }

    @Test
    void aMissingParenthesisIsReportedWhereItIsMissing() throws IOException {
        String file = "guangdong/huizhou/storage-mfg-power.drl";
        String line = "    decide(drools, atLeast($e.lastYear().industrialOutput(), 100000));";
        String missing = "    decide(drools, atLeast($e.lastYear().industrialOutput(), 100000);";
        Path dir = TempRules.editedCopy(file, line, missing);
        int at = lineOf(dir.resolve(file), "100000);");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(problemsIn(run, dir, file)).singleElement().asString()
                .contains(file + ":" + at + ":" + missing.length() + ": 第" + at + "行少了1个右括号“)”");
        assertStaffWords(run);
    }

    @Test
    void aYamlIndentationMistakeIsReportedOnItsOwnLine() throws IOException {
        String file = "guangdong/huizhou/storage-mfg-power.scenarios.yaml";
        Path dir = TempRules.editedCopy(file, "    asOf: 2025-06-01\n", "     asOf: 2025-06-01\n");
        int at = lineOf(dir.resolve(file), "     asOf: 2025-06-01");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(problemsIn(run, dir, file)).singleElement().asString().contains(file + ":" + at + ":")
                .contains("YAML 格式错误：");
        assertStaffWords(run);
    }
}
