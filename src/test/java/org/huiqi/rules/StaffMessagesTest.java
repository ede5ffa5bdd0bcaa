package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The mistakes staff make, one per row of issue 15's table, through the offline commands: each
 * message names the character, the suggestion, or the file and line, once, in staff words.
 */
class StaffMessagesTest {
    private static final Pattern JAVA_WORDS = Pattern.compile("java\\.|Exception|FiscalYear|Enterprise\\b(?!\\(\\))|undefined for the type");

    private static int lineOf(Path dir, String file, String text) throws IOException {
        String[] lines = Files.readString(dir.resolve(file)).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) return i + 1;
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static long linesWith(String output, String text) {
        return output.lines().filter(line -> line.contains(text)).count();
    }

    private static void assertStaffWords(String output) {
        assertThat(JAVA_WORDS.matcher(output).find()).as("Java words in: %s", output).isFalse();
    }

    @Test
    void fullWidthCommaAndQuotesAreNamedByCharacterAndExactColumn() throws IOException {
        String line = "    decide(drools, $e.locatedIn(\"450400\"));";
        Path dir = TempRules.editedCopy("guangxi/wuzhou/xsg.drl", line, "    decide(drools, allOf($e.locatedIn(“450400”)， $e.manufacturing()));");
        int at = lineOf(dir, "guangxi/wuzhou/xsg.drl", "“450400”");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        String commaColumn = String.valueOf("    decide(drools, allOf($e.locatedIn(“450400”)".length() + 1);
        assertThat(run.output())
                .contains("xsg.drl:" + at + ":" + commaColumn + ": 第" + at + "行第" + commaColumn + "列是中文逗号“，”，请改为英文逗号“,”")
                .contains("是中文引号““”，请改为英文引号“\"”")
                .doesNotContain("no viable alternative");
        assertStaffWords(run.output());
    }

    @Test
    void aMisspeltReaderGetsTheNearestKnownName() throws IOException {
        Path dir = TempRules.editedCopy("guangxi/wuzhou/xsg.drl", "$e.lastYear().year()", "$e.lastYear().mainBusinesRevenue()");
        int at = lineOf(dir, "guangxi/wuzhou/xsg.drl", "mainBusinesRevenue");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern("xsg\\.drl:" + at + ":\\d+: .*“mainBusinesRevenue”.*是不是“mainBusinessRevenue”")
                .contains("did you mean 'mainBusinessRevenue'");
        assertStaffWords(run.output());
    }

    @Test
    void aBadRegionCodeIsOneErrorAtItsLineAndNoScenarioRuns() throws IOException {
        Path dir = TempRules.editedCopy("guangxi/wuzhou/xsg.drl", "$e.locatedIn(\"450400\")", "$e.locatedIn(\"45040\")");
        int at = lineOf(dir, "guangxi/wuzhou/xsg.drl", "\"45040\"");

        StaffCommandsTest.Run validate = StaffCommandsTest.run("validate", dir.toString());
        StaffCommandsTest.Run test = StaffCommandsTest.run("test", dir.toString());

        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(test.exitCode()).isEqualTo(1);
        for (StaffCommandsTest.Run run : new StaffCommandsTest.Run[] {validate, test}) {
            assertThat(linesWith(run.output(), "45040")).isEqualTo(1);
            assertThat(run.output()).containsPattern("xsg\\.drl:" + at + ":\\d+: 地区“45040”不在 reference/regions\\.yaml 中，是不是“450400”")
                    .doesNotContain("FAIL").contains("1 个问题");
            assertStaffWords(run.output());
        }
    }

    @Test
    void anIndustryCodeWithoutItsSectionLetterOrAClassOfAListedGroupNotListedIsReported() throws IOException {
        Path dir = TempRules.editedCopy("guangxi/wuzhou/xsg.drl", "$e.locatedIn(\"450400\")",
                "allOf($e.locatedIn(\"450400\"), $e.industryIn(\"3216\", \"C3845\", \"C3841\", \"C3311\"))");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern("xsg\\.drl:\\d+:\\d+: “3216”不是有效的国民经济行业分类.*是不是“C3216”");
        assertThat(run.output()).containsPattern("xsg\\.drl:\\d+:\\d+: “C3845”不在 reference/industries.yaml 的国民经济行业分类");
        assertThat(run.output()).as("a listed class, and a class of a group the file lists no classes of")
                .doesNotContain("“C3841”").doesNotContain("“C3311”");
    }

    @Test
    void aMisspeltFieldInASharedBaseProfileIsOneProblemAtItsLine() throws IOException {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "guangxi/wuzhou/xsg-base.scenarios.yaml", """
                scenarios:
                  - name: 基础企业
                    asOf: 2025-06-01
                    profile: &base
                      regionCode: "450400"
                      firstAboveScaleYer: 2024
                    expect:
                      WZ-XSG: ELIGIBLE
                  - name: 同一企业，另一天
                    asOf: 2025-07-01
                    profile:
                      <<: *base
                      employees: 30
                    expect:
                      WZ-XSG: ELIGIBLE
                  - name: 同一企业，县里
                    asOf: 2025-07-01
                    profile:
                      <<: *base
                      regionCode: "450422"
                    expect:
                      WZ-XSGG: ELIGIBLE
                """);

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(linesWith(run.output(), "firstAboveScaleYer")).isEqualTo(1);
        assertThat(run.output()).contains("xsg-base.scenarios.yaml:6:7: 未知的字段“firstAboveScaleYer”，是不是“firstAboveScaleYear”？");
        assertStaffWords(run.output());
    }

    @Test
    void anUnknownMeasureIdInAScenarioIsReportedAtItsLine() throws IOException {
        Path dir = TempRules.editedCopy("guangxi/wuzhou/xsg.scenarios.yaml", "      WZ-XSG: ELIGIBLE\n", "      WZ-XSGG: ELIGIBLE\n");
        int at = lineOf(dir, "guangxi/wuzhou/xsg.scenarios.yaml", "WZ-XSGG");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("xsg.scenarios.yaml:" + at + ":7: 没有编号为 WZ-XSGG 的措施，是不是 WZ-XSG？");
    }

    @Test
    void aMissingEndIsNamedAtTheRuleThatLacksIt() throws IOException {
        Path dir = TempRules.copyOfProjectRules();
        Path file = dir.resolve("guangxi/wuzhou/xsg.drl");
        String text = Files.readString(file);
        String header = "rule \"WZ-XSG / region\"";
        int start = text.indexOf(header);
        int end = text.indexOf("\nend\n", start);
        Files.writeString(file, text.substring(0, end) + text.substring(end + "\nend".length()));
        int at = lineOf(dir, "guangxi/wuzhou/xsg.drl", header);

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("xsg.drl:" + at + ":1: 规则 \"WZ-XSG / region\" 缺少结尾的 end");
        assertThat(Pattern.compile("(?m)^.*xsg\\.drl:").matcher(run.output()).results().count()).isEqualTo(1);
    }

    @Test
    void aDateThatDoesNotParseIsReported() throws IOException {
        Path dir = TempRules.editedCopy("guangxi/wuzhou/xsg.drl", "$e.locatedIn(\"450400\")",
                "allOf($e.locatedIn(\"450400\"), $e.enteredAboveScaleAfter(\"2023-02-30\"))");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.output()).containsPattern("xsg\\.drl:\\d+:\\d+: “2023-02-30”不是有效日期");
    }

    @Test
    void anUnknownTableIsReported() throws IOException {
        Path dir = TempRules.editedCopy("guangdong/xsg-2025.drl", "\"xsg-2025-amounts\"", "\"xsg-2025-amount\"");

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.output()).containsPattern("xsg-2025\\.drl:\\d+:\\d+: 表格“xsg-2025-amount”不存在，是不是“xsg-2025-amounts”？");
    }

    @Test
    void aMisspeltOrUnknownAnnotationIsReportedAtItsLineInsteadOfBeingIgnored() throws IOException {
        Path dir = TempRules.editedCopy("national/tax/recycler-simple3.drl", "    @askFirst ", "    @askfirst ");
        Files.writeString(dir.resolve("national/tax/recycler-simple3.drl"), Files.readString(dir.resolve("national/tax/recycler-simple3.drl"))
                .replace("    @issuer(", "    @issuedBy(\"国家税务总局\")\n    @issuer("));

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        int askFirst = lineOf(dir, "national/tax/recycler-simple3.drl", "@askfirst");
        int issuedBy = lineOf(dir, "national/tax/recycler-simple3.drl", "@issuedBy");
        assertThat(run.output())
                .contains("recycler-simple3.drl:" + askFirst + ":5: 标注 @askfirst 应写作 @askFirst，否则不起作用")
                .contains("recycler-simple3.drl:" + issuedBy + ":5: 不认识的标注 @issuedBy，写了不起作用；这里可用：");
        assertStaffWords(run.output());
    }

    @Test
    void declaredInputsMustBeReadAndReadInputsDeclared() throws IOException {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.addCopperMeasure(dir);
        Path rule = dir.resolve("guangxi/wuzhou/test-copper.drl");
        Files.writeString(rule, Files.readString(rule).replace("$e.input(\"copperOutputTonnes\"), 1000", "$e.input(\"copperTonnes\"), 1000"));

        StaffCommandsTest.Run run = StaffCommandsTest.run("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .containsPattern("test-copper\\.drl:\\d+:\\d+: 输入项“copperTonnes”没有在任何 \\*\\.inputs\\.yaml 中声明，是不是“copperOutputTonnes”？");
        Files.writeString(rule, TempRules.COPPER_MEASURE.replace("$e.input(\"copperOutputTonnes\")", "$e.employees()"));
        assertThat(StaffCommandsTest.run("validate", dir.toString()).output())
                .contains("test-copper.inputs.yaml:2:1: 声明了输入项 copperOutputTonnes，但没有规则读取它");
    }

    @Test
    void aMeasureWithADeclaredInputPassesValidateAndTest() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.addCopperMeasure(dir);

        assertThat(StaffCommandsTest.run("validate", dir.toString()).exitCode()).isZero();
        StaffCommandsTest.Run test = StaffCommandsTest.run("test", dir.toString(), "--only", "guangxi/wuzhou/test-copper.drl");
        assertThat(test.output()).contains("3 passed, 0 failed");
        assertThat(test.exitCode()).isZero();
    }

    @Test
    void testOnlyRunsOneFilesScenariosAndTheCrossMeasureOnesNamingItsMeasures() {
        StaffCommandsTest.Run run = StaffCommandsTest.run("test", "rules", "--only", "guangxi/wuzhou/circular-park.drl");

        assertThat(run.exitCode()).isZero();
        Matcher files = Pattern.compile("(?m)^PASS rules/(\\S+?):\\d+:").matcher(run.output());
        java.util.Set<String> ran = new java.util.TreeSet<>();
        while (files.find()) ran.add(files.group(1));
        assertThat(ran).contains("guangxi/wuzhou/circular-park.scenarios.yaml", "scenarios/wuzhou-recycled-copper.scenarios.yaml")
                .doesNotContain("guangdong/xsg-2025.scenarios.yaml");
    }
}
