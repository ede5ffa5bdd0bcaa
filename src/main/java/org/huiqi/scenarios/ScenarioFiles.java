package org.huiqi.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleProblem;

/**
 * Reads {@code *.scenarios.yaml} files: policy staff's own test cases, kept beside the rule
 * files they test. A malformed case is reported by file and case, never skipped.
 */
public final class ScenarioFiles {
    public static final String SUFFIX = ".scenarios.yaml";
    private static final ObjectMapper YAML = ProfileJson.configure(new ObjectMapper());
    private static final Set<String> STATUSES = Set.of("ELIGIBLE", "NEEDS_INFO", "NOT_ELIGIBLE", Scenario.Expectation.ABSENT,
            Scenario.Expectation.NOT_IN_FORCE);
    private static final Set<String> TOP_LEVEL = Set.of("scenarios", "shared");
    private static final Set<String> KEYS = Set.of("status", "amount", "failed", "missing", "basis", "confirmed",
            "conflictsWith", "recommended");

    private final List<RuleProblem> problems = new ArrayList<>();

    public List<RuleProblem> problems() {
        return problems;
    }

    public List<Scenario> read(RuleFiles files) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String path : files.withSuffix(SUFFIX)) {
            try {
                JsonNode root = YAML.valueToTree(StaffYaml.load(files.text(path)));
                JsonNode cases = root == null ? null : root.get("scenarios");
                // "shared:" holds anchors (&general) that cases merge in (<<: *general); any other key is a typo
                if (root != null) root.fieldNames().forEachRemaining(key -> {
                    if (!TOP_LEVEL.contains(key)) {
                        problems.add(new RuleProblem(path, 1, 0, "unknown top-level key '" + key + "': use 'scenarios:' "
                                + "(and 'shared:' for anchors the cases merge in)"));
                    }
                });
                if (cases == null || !cases.isArray()) {
                    problems.add(new RuleProblem(path, 1, 0, "expected a list under 'scenarios:'"));
                    continue;
                }
                for (JsonNode node : cases) {
                    Scenario scenario = scenario(path, node);
                    if (scenario != null) scenarios.add(scenario);
                }
            } catch (StaffYaml.YamlError e) {
                problems.add(new RuleProblem(path, e.line(), e.column(), "not valid YAML: " + e.getMessage()));
            }
        }
        return scenarios;
    }

    private Scenario scenario(String path, JsonNode node) {
        String name = node.path("name").asText("");
        if (name.isBlank()) {
            problems.add(new RuleProblem(path, 0, 0, "a scenario has no name"));
            return null;
        }
        try {
            LocalDate asOf = node.hasNonNull("asOf") ? LocalDate.parse(node.get("asOf").asText()) : null;
            if (asOf == null) throw new IllegalArgumentException("asOf is required, so the case means the same next year");
            JsonNode profileNode = node.path("profile").isMissingNode() ? YAML.createObjectNode() : node.get("profile");
            Profile profile = YAML.treeToValue(profileNode, Profile.class);
            Map<String, Scenario.Expectation> expect = new LinkedHashMap<>();
            node.path("expect").fields().forEachRemaining(e -> expect.put(e.getKey(), expectation(e.getValue())));
            if (expect.isEmpty()) throw new IllegalArgumentException("'expect:' names no measure");
            return new Scenario(path, name, asOf, "all".equals(node.path("explain").asText()), profile, expect);
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("")
                    .replaceAll(" \\(class [^)]*\\), not marked as ignorable.*", "");
            problems.add(new RuleProblem(path, 0, 0, "scenario \"" + name + "\": " + message));
            return null;
        }
    }

    private static Scenario.Expectation expectation(JsonNode node) {
        if (node.isTextual()) return new Scenario.Expectation(status(node.asText()), null, false, null, null, null, null, null, null);
        // a misspelt key would otherwise check nothing and pass
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) throw new IllegalArgumentException("expect has an unknown key '" + key + "'; keys: " + KEYS);
        });
        BigDecimal amount = node.hasNonNull("amount") ? node.get("amount").decimalValue() : null;
        return new Scenario.Expectation(status(node.path("status").asText()), amount, node.has("amount"),
                list(node.get("failed")), list(node.get("missing")), text(node, "basis"),
                node.hasNonNull("confirmed") ? node.get("confirmed").asBoolean() : null,
                list(node.get("conflictsWith")), text(node, "recommended"));
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }

    private static String status(String status) {
        if (!STATUSES.contains(status)) throw new IllegalArgumentException("status '" + status + "' is not one of " + STATUSES);
        return status;
    }

    private static List<String> list(JsonNode node) {
        if (node == null) return null;
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }
}
