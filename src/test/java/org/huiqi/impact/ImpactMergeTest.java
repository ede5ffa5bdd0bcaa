package org.huiqi.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A population split into shards, each run on its own and merged, gives the report of the whole. */
class ImpactMergeTest {
    @Test
    void mergedShardsEqualTheWholeRun(@TempDir Path dir) throws Exception {
        Path population = ImpactFixtures.population(ImpactFixtures.populationDir(60));
        Path draft = TempRules.copyOfProjectRules();
        ImpactAgainstBatchTest.replace(draft.resolve("national/statistics/above-scale-threshold.drl"),
                "mainBusinessRevenue(), 2000)", "mainBusinessRevenue(), 3000)");
        Path whole = dir.resolve("whole.json");
        run("impact", "--baseline", "rules", "--draft", draft.toString(), "--population", population.toString(),
                "--as-of", "2025-06-01", "--format", "json", "--out", whole.toString());
        List<String> merge = new ArrayList<>(List.of("impact", "merge"));
        for (int i = 0; i < 3; i++) {
            Path part = dir.resolve("part-" + i + ".json");
            run("impact", "--baseline", "rules", "--draft", draft.toString(), "--population", population.toString(),
                    "--as-of", "2025-06-01", "--shard", i + "/3", "--format", "json", "--out", part.toString());
            merge.add(part.toString());
        }
        Path merged = dir.resolve("merged.json");
        merge.addAll(List.of("--out", merged.toString()));
        run(merge.toArray(String[]::new));

        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(whole.toFile());
        JsonNode actual = json.readTree(merged.toFile());
        assertThat(actual.path("population").asLong()).isEqualTo(61);
        assertThat(expected.path("changeCount").asLong()).as("the draft changes something").isPositive();
        // Amounts are compared by value: 5 and 5.0 are one amount.
        assertThat(actual.toString().replace(".0,", ",")).isEqualTo(expected.toString().replace(".0,", ","));
    }

    @Test
    void partsOfDifferentDraftsDoNotMerge(@TempDir Path dir) throws Exception {
        Path population = ImpactFixtures.population(ImpactFixtures.populationDir(2));
        Path draft = TempRules.copyOfProjectRules();
        TempRules.write(draft, "guangdong/xsg-2025-amounts.table.csv",
                Files.readString(draft.resolve("guangdong/xsg-2025-amounts.table.csv")).replace("pearl-river-delta,5,", "pearl-river-delta,6,"));
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        run("impact", "--baseline", "rules", "--draft", "rules", "--population", population.toString(), "--as-of", "2025-06-01",
                "--format", "json", "--out", a.toString());
        run("impact", "--baseline", "rules", "--draft", draft.toString(), "--population", population.toString(), "--as-of", "2025-06-01",
                "--format", "json", "--out", b.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImpactCommands.run(new String[]{"impact", "merge", a.toString(), b.toString()},
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("different rule sets");
    }

    private static void run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImpactCommands.run(args, new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
