package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.huiqi.scenarios.ScenarioFiles;
import org.junit.jupiter.api.Test;

/** What a rules directory may not do to the service: reach outside itself, or make a loader run away. */
class RulesDirectoryHygieneTest {
    @Test
    void aLinkToAFileOutsideTheRulesDirectoryIsRefusedNamingTheFile() throws IOException {
        Path dir = TempRules.copyOfProjectRules();
        Path outside = Files.createTempFile("secret-", ".drl");
        Files.writeString(outside, "not a rule");
        Files.createSymbolicLink(dir.resolve("guangxi/borrowed.drl"), outside);

        assertThatThrownBy(() -> RuleFiles.read(dir)).isInstanceOfSatisfying(RuleSetException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.file()).isEqualTo("guangxi/borrowed.drl");
                    assertThat(problem.message()).contains("outside the rules directory", "refused");
                }));
    }

    @Test
    void aLinkedFolderOutsideIsRefusedAndLinksInsideAreRead() throws IOException {
        Path dir = TempRules.copyOfProjectRules();
        Path outside = Files.createTempDirectory("elsewhere-");
        Files.writeString(outside.resolve("x.drl"), "not a rule");
        Files.createSymbolicLink(dir.resolve("elsewhere"), outside);
        assertThatThrownBy(() -> RuleFiles.read(dir)).isInstanceOfSatisfying(RuleSetException.class, e ->
                assertThat(e.problems()).extracting(RuleProblem::file).containsExactly("elsewhere/x.drl"));

        Files.delete(dir.resolve("elsewhere"));
        // The way a ConfigMap volume is laid out: files are links through ..data into a hidden folder.
        Files.createDirectories(dir.resolve("..2026_11_23/extra"));
        Files.writeString(dir.resolve("..2026_11_23/extra/note.txt"), "inside");
        Files.createSymbolicLink(dir.resolve("..data"), Path.of("..2026_11_23"));
        Files.createSymbolicLink(dir.resolve("note.txt"), Path.of("..data/extra/note.txt"));
        assertThat(new String(RuleFiles.read(dir).contents().get("note.txt"), StandardCharsets.UTF_8)).isEqualTo("inside");
    }

    @Test
    void aRecursiveAnchorInAScenarioFileIsAProblemWithFileAndLine() {
        List<RuleProblem> problems = scenarioProblems("""
                scenarios:
                  - &case
                    name: loops
                    asOf: 2025-06-01
                    profile: {}
                    expect: {X: ELIGIBLE}
                    again: [*case]
                """);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("loop.scenarios.yaml");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("recursive");
        });
    }

    @Test
    void aBillionLaughsScenarioFileIsAProblemNotAFullHeap() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            yaml.append("]\n");
        }
        yaml.append("scenarios: [*a9]\n");
        assertThat(scenarioProblems(yaml.toString())).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("loop.scenarios.yaml");
            assertThat(problem.message()).contains("not valid YAML", "aliases");
        });
    }

    private static List<RuleProblem> scenarioProblems(String yaml) {
        TreeMap<String, byte[]> contents = new TreeMap<>();
        contents.put("loop.scenarios.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        ScenarioFiles files = new ScenarioFiles();
        files.read(new RuleFiles("test", contents));
        return files.problems();
    }
}
