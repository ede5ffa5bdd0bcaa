package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huiqi.evaluation.facts.Places;
import org.junit.jupiter.api.Test;

/**
 * What validate refuses in the files themselves, before any rule runs: text that is not UTF-8,
 * region codes that name no region, and files the deployment would leave behind. Each message
 * is Chinese first, at the file and line, without engine words.
 */
class StaffFileChecksTest {
    private static final List<String> ENGINE_WORDS = List.of("Rule_", "$u45$", "Exception", "is already defined");

    private static StaffCommandsTest.Run validate(Path dir) {
        return StaffCommandsTest.run("validate", dir.toString());
    }

    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }

    @Test
    void aRuleFileSavedAsGbkIsRefusedAtItsFirstChineseLineWithTheFix() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        Path file = dir.resolve("guangxi/wuzhou/xsg.drl");
        String text = Files.readString(file);
        int firstChinese = 1 + (int) text.substring(0, text.codePoints().filter(c -> c > 0x2E80).findFirst()
                .stream().map(c -> text.indexOf(c)).findFirst().orElseThrow()).chars().filter(c -> c == '\n').count();
        Files.write(file, text.getBytes(Charset.forName("GBK")));

        StaffCommandsTest.Run run = validate(dir);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern(dir + "/guangxi/wuzhou/xsg\\.drl:" + firstChinese + ":\\d+: 文件不是 UTF-8 编码")
                .contains("请用 UTF-8 编码另存此文件", "save the file as UTF-8").doesNotContain(ENGINE_WORDS.toArray(String[]::new));
    }

    @Test
    void aFileWithAByteOrderMarkIsUtf8AndAccepted() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        for (String path : List.of("guangxi/wuzhou/xsg.drl", "guangxi/wuzhou/xsg.scenarios.yaml", "national/miit/innovative-sme-scores.table.csv")) {
            Path file = dir.resolve(path);
            byte[] text = Files.readAllBytes(file);
            byte[] withBom = new byte[text.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(text, 0, withBom, 3, text.length);
            Files.write(file, withBom);
        }
        StaffCommandsTest.Run run = validate(dir);
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void aScenarioRegionCodeThatDoesNotExistIsRefusedAtItsLine() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        Path file = dir.resolve("guangxi/wuzhou/xsg.scenarios.yaml");
        String text = Files.readString(file);
        assertThat(text).contains("\"450400\"");
        String edited = text.replaceFirst("\"450400\"", "\"450499\"");
        Files.writeString(file, edited);

        StaffCommandsTest.Run run = validate(dir);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern(dir + "/guangxi/wuzhou/xsg\\.scenarios\\.yaml:" + lineOf(edited, "\"450499\"")
                        + ":\\d+: 地区代码“450499”不存在")
                .doesNotContain(ENGINE_WORDS.toArray(String[]::new));
    }

    @Test
    void aRuleFileNamingARegionThatDoesNotExistIsRefusedAtItsLine() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        Path file = dir.resolve("guangxi/wuzhou/xsg.drl");
        String edited = Files.readString(file).replaceFirst("locatedIn\\(\"450400\"\\)", "locatedIn(\"450499\")");
        Files.writeString(file, edited);

        StaffCommandsTest.Run run = validate(dir);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern(dir + "/guangxi/wuzhou/xsg\\.drl:" + lineOf(edited, "\"450499\"") + ":\\d+: 地区“450499”");
    }

    @Test
    void theReferenceDataKnowsEveryCountyAndKeepsTheGroupsRulesName() {
        RuleFiles files = RuleFiles.read(Path.of("rules"));
        List<RuleProblem> problems = new ArrayList<>();
        Places places = ReferenceData.places(files, problems);

        assertThat(problems).isEmpty();
        long counties = places.byCode().keySet().stream().filter(c -> !c.endsWith("00")).count();
        assertThat(counties).as("county-level GB/T 2260 units").isBetween(2800L, 3100L);
        assertThat(places.byCode()).containsKeys("110101", "652901", "450403", "441284").doesNotContainKey("450499");
        assertThat(places.byCode().get("450400").en()).as("regions.yaml names it in English").isEqualTo("Wuzhou");
        assertThat(places.contains("pearl-river-delta", "441284")).isTrue();
        assertThat(places.contains("guangdong-east-west-north", "445381")).isTrue();
        assertThat(places.contains("western-region", "652901")).isTrue();
        assertThat(places.contains("western-region", "441284")).isFalse();
    }

    @Test
    void aFileTheDeploymentDoesNotListFailsValidateNamingIt() throws Exception {
        Path checkout = Files.createTempDirectory("checkout-");
        Path rules = checkout.resolve("rules");
        Files.move(TempRules.copyOfProjectRules(), rules);
        Files.copy(Path.of("rules/kustomization.yaml"), rules.resolve("kustomization.yaml"));
        Files.createDirectories(checkout.resolve("k8s/base"));
        Files.copy(Path.of("k8s/base/rules-volume.yaml"), checkout.resolve("k8s/base/rules-volume.yaml"));
        assertThat(validate(rules).exitCode()).as("as committed, everything is listed").isZero();

        TempRules.write(rules, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);
        StaffCommandsTest.Run run = validate(rules);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(rules + "/zhejiang/suichang/extra.drl:1:1: 此文件没有列入部署清单", "k8s/sync-rules.sh")
                .contains("kustomization.yaml", "rules-volume.yaml");
        String lines = new String(Files.readAllBytes(rules.resolve("kustomization.yaml")), StandardCharsets.UTF_8);
        assertThat(lines).doesNotContain("extra.drl");
    }
}
