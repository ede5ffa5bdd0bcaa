package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.huiqi.evaluation.Num;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.evaluation.facts.FiscalYear;
import org.huiqi.evaluation.facts.IpCounts;
import org.huiqi.evaluation.facts.Project;
import org.huiqi.evaluation.facts.Tables;
import org.junit.jupiter.api.Test;

/**
 * The staff guide's reader reference is complete: every reader a rule can call, found by
 * reflection, is written in rules/README.md. A developer who adds a reader and forgets the guide
 * fails here, with the names to add.
 */
class StaffGuideTest {
    /** Plumbing that is public for the engine, not for rules: the reason each is left out. */
    private static final Map<Class<?>, Set<String>> NOT_FOR_RULES = Map.of(
            Enterprise.class, Set.of("profile", "projects"),          // raw profile; projects are matched as $p : Project()
            IpCounts.class, Set.of("ip"),                              // the record's raw component
            Tables.class, Set.of("byName"),                            // the raw tables
            Num.class, Set.of("display", "fields", "from", "known", "missing", "undefined", "value"));
    private static final Set<String> FUNCTIONS_NOT_FOR_RULES = Set.of("unknown", "when", "oneOf"); // building blocks of readers

    @Test
    void everyReaderAndFunctionIsInTheGuide() throws IOException {
        String guide = Files.readString(Path.of("rules/README.md"));
        Set<String> absent = new TreeSet<>();
        for (Class<?> type : new Class<?>[] {Enterprise.class, FiscalYear.class, Project.class, IpCounts.class, Tables.class, Num.class}) {
            for (String method : Readers.methods(type)) {
                if (NOT_FOR_RULES.getOrDefault(type, Set.of()).contains(method)) continue;
                if (!guide.contains(method + "(")) absent.add(type.getSimpleName() + "." + method);
            }
        }
        for (String function : Readers.functions()) {
            if (!FUNCTIONS_NOT_FOR_RULES.contains(function) && !guide.contains(function + "(")) absent.add(function);
        }
        assertThat(absent).as("readers missing from rules/README.md").isEmpty();
    }

    @Test
    void theGuideSendsStaffToTheJarNotToMaven() throws IOException {
        String guide = Files.readString(Path.of("rules/README.md"));
        assertThat(guide).doesNotContain("mvnw", "target/quarkus-app")
                .contains("java -jar quarkus-run.jar validate", "java -jar quarkus-run.jar test --only", "java -jar quarkus-run.jar new",
                        "0.01 万元", "$e.input(\"copperOutputTonnes\")", "copper-growth.inputs.yaml");
    }
}
