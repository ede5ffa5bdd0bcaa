package org.huiqi.scenarios;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.huiqi.rules.InputDeclaration;
import org.huiqi.rules.Readers;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleProblem;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.StaffYaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code *.scenarios.yaml} files: policy staff's own test cases, kept beside the rule
 * files they test. A malformed case is reported at the line that is wrong, never skipped; a
 * mistake in a base profile that many cases reuse ({@code <<: *base}) is reported once, where it
 * is written. Given a rule set, the measure ids and declared inputs a case names are checked too.
 */
public final class ScenarioFiles {
    public static final String SUFFIX = ".scenarios.yaml";
    private static final ObjectMapper YAML = ProfileJson.configure(new ObjectMapper());
    private static final Set<String> STATUSES = Set.of("ELIGIBLE", "NEEDS_INFO", "NOT_ELIGIBLE", Scenario.Expectation.ABSENT,
            Scenario.Expectation.NOT_IN_FORCE);
    private static final Set<String> CASE_KEYS = Set.of("name", "asOf", "profile", "expect", "explain");
    private static final Set<String> TOP_LEVEL = Set.of("scenarios", "shared");
    private static final Set<String> KEYS = Set.of("status", "amount", "failed", "missing", "basis", "confirmed",
            "conflictsWith", "recommended");

    private final RuleSet ruleSet;
    private final Set<RuleProblem> problems = new LinkedHashSet<>();

    /** Reads without checking measure ids or inputs (no rule set to check them against). */
    public ScenarioFiles() {
        this(null);
    }

    public ScenarioFiles(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    public List<RuleProblem> problems() {
        return List.copyOf(problems);
    }

    public List<Scenario> read(RuleFiles files) {
        return read(files, files.withSuffix(SUFFIX));
    }

    /** The scenarios of some of the scenario files ({@code paths}) of {@code files}. */
    public List<Scenario> read(RuleFiles files, List<String> paths) {
        // Files are independent, and at 1,040 measures reading 8,720 scenarios was a third of the
        // gate: read them in parallel, then report in file order.
        record OneFile(List<Scenario> scenarios, Set<RuleProblem> problems) {
        }
        List<OneFile> read = paths.parallelStream().map(path -> {
            ScenarioFiles reader = new ScenarioFiles(ruleSet);
            return new OneFile(reader.readFile(files, path), reader.problems);
        }).toList();
        List<Scenario> scenarios = new ArrayList<>();
        for (OneFile file : read) {
            scenarios.addAll(file.scenarios());
            problems.addAll(file.problems());
        }
        return scenarios;
    }

    private List<Scenario> readFile(RuleFiles files, String path) {
        List<Scenario> scenarios = new ArrayList<>();
        try {
            String text = files.text(path);
            Node rootNode = StaffYaml.compose(text);
            JsonNode root = YAML.valueToTree(StaffYaml.loadComposed(text));
            JsonNode cases = root == null ? null : root.get("scenarios");
            Node caseNodes = StaffYaml.value(rootNode, "scenarios");
            // "shared:" holds anchors (&general) that cases merge in (<<: *general); any other key is a typo
            if (rootNode instanceof MappingNode top) {
                for (NodeTuple tuple : top.getValue()) {
                    String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                    if (!TOP_LEVEL.contains(key)) {
                        at(path, tuple.getKeyNode(), "未知的顶层项“" + key + "”：应为 scenarios:（共用的锚点写在 shared: 下）"
                                + " / unknown top-level key '" + key + "': use 'scenarios:' (and 'shared:' for anchors the cases merge in)");
                    }
                }
            }
            if (cases == null || !cases.isArray()) {
                problems.add(new RuleProblem(path, 1, 1, "文件应以 scenarios: 开头，下面逐项列出场景 / expected a list under 'scenarios:'"));
                return scenarios;
            }
            for (int i = 0; i < cases.size(); i++) {
                Scenario scenario = scenario(path, cases.get(i), StaffYaml.item(caseNodes, i));
                if (scenario != null) scenarios.add(scenario);
            }
        } catch (StaffYaml.YamlError e) {
            problems.add(new RuleProblem(path, e.line(), e.column(), e.getMessage()));
        }
        return scenarios;
    }

    private Scenario scenario(String path, JsonNode node, Node yaml) {
        int line = StaffYaml.line(yaml);
        String name = node.path("name").asText("");
        int before = problems.size();
        if (name.isBlank()) problems.add(new RuleProblem(path, line, 1, "场景缺少 name / a scenario has no name"));
        if (yaml instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                if (!CASE_KEYS.contains(key) && !"<<".equals(key)) unknownKey(path, tuple.getKeyNode(), key, CASE_KEYS, "scenario");
            }
        }
        LocalDate asOf = null;
        if (!node.hasNonNull("asOf")) {
            problems.add(new RuleProblem(path, line, 1, "场景“" + name + "”缺少评估日期 asOf（如 asOf: 2025-06-01），否则明年结果会变"
                    + " / scenario needs asOf, so the case means the same next year"));
        } else {
            try {
                asOf = LocalDate.parse(node.get("asOf").asText());
            } catch (DateTimeParseException e) {
                at(path, StaffYaml.value(yaml, "asOf"), "asOf“" + node.get("asOf").asText() + "”不是日期，应写成 2025-06-01 / asOf must be a date like 2025-06-01");
            }
        }
        Profile profile = profile(path, node.path("profile"), StaffYaml.value(yaml, "profile"));
        Map<String, Scenario.Expectation> expect = new LinkedHashMap<>();
        Node expectYaml = StaffYaml.value(yaml, "expect");
        node.path("expect").fields().forEachRemaining(e -> {
            Node value = StaffYaml.value(expectYaml, e.getKey());
            NodeTuple entry = StaffYaml.entry(expectYaml, e.getKey());
            measure(path, e.getKey(), entry == null ? value : entry.getKeyNode());
            Scenario.Expectation expectation = expectation(path, e.getValue(), value);
            if (expectation != null) expect.put(e.getKey(), expectation);
        });
        if (node.path("expect").isEmpty()) {
            problems.add(new RuleProblem(path, line, 1, "场景“" + name + "”的 expect 没有列出任何措施 / 'expect:' names no measure"));
        }
        if (problems.size() > before || profile == null) return null;
        return new Scenario(path, line, name, asOf, "all".equals(node.path("explain").asText()), profile, expect);
    }

    private Profile profile(String path, JsonNode node, Node yaml) {
        JsonNode profileNode = node.isMissingNode() ? YAML.createObjectNode() : node;
        inputs(path, profileNode.path("inputs"), StaffYaml.value(yaml, "inputs"));
        region(path, profileNode.path("regionCode"), StaffYaml.value(yaml, "regionCode"));
        industry(path, profileNode.path("industryCode"), StaffYaml.value(yaml, "industryCode"));
        Node projectsYaml = StaffYaml.value(yaml, "projects");
        for (int i = 0; i < profileNode.path("projects").size(); i++) {
            region(path, profileNode.path("projects").get(i).path("regionCode"),
                    StaffYaml.value(StaffYaml.item(projectsYaml, i), "regionCode"));
        }
        try {
            return YAML.treeToValue(profileNode, Profile.class);
        } catch (UnrecognizedPropertyException e) {
            Node key = locate(yaml, e);
            Collection<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(id -> known.add(id.toString()));
            unknownKey(path, key, e.getPropertyName(), known, "profile field");
            return null;
        } catch (MismatchedInputException e) {
            at(path, locate(yaml, e), "字段 profile." + JsonPathText.of(e) + " 的值应为" + TypeWords.of(e.getTargetType(), 0)
                    + " / profile." + JsonPathText.of(e) + " must be " + TypeWords.of(e.getTargetType(), 1));
            return null;
        } catch (IOException | RuntimeException e) {
            at(path, yaml, "企业信息无法读取 / the profile cannot be read: " + plain(e));
            return null;
        }
    }

    /** A region code that names no GB/T 2260 region: the service refuses it, so a scenario must not pass on it. */
    private void region(String path, JsonNode code, Node yaml) {
        if (ruleSet == null || !ruleSet.knowsEveryRegion() || !code.isTextual() || !code.asText().matches("\\d{6}")) return;
        if (ruleSet.places().byCode().containsKey(code.asText())) return;
        at(path, yaml, "地区代码“" + code.asText() + "”不存在（不在 reference/gbt2260.csv 的行政区划代码中）/ region code '" + code.asText()
                + "' does not exist (not a GB/T 2260 code of reference/gbt2260.csv)");
    }

    private void industry(String path, JsonNode code, Node yaml) {
        if (ruleSet == null || !code.isTextual() || !code.asText().matches("[A-T](\\d{2}(\\d{1,2})?)?")) return;
        if (ruleSet.pickLists().knowsIndustry(code.asText())) return;
        at(path, yaml, "行业代码“" + code.asText() + "”不在 reference/industries.yaml 的门类、大类和所列小类中 / industry code '" + code.asText()
                + "' is not a section, division or listed class of reference/industries.yaml");
    }

    /** The answers under profile.inputs, checked against the declarations when a rule set is given. */
    private void inputs(String path, JsonNode answers, Node yaml) {
        if (ruleSet == null || !answers.isObject()) return;
        answers.fields().forEachRemaining(e -> {
            InputDeclaration declared = ruleSet.inputs().get(e.getKey());
            NodeTuple entry = StaffYaml.entry(yaml, e.getKey());
            if (declared == null) {
                unknownKey(path, entry == null ? yaml : entry.getKeyNode(), e.getKey(), ruleSet.inputs().keySet(), "input");
            } else if (declared.reject(e.getValue()) != null) {
                at(path, entry == null ? yaml : entry.getValueNode(), "输入项 inputs." + e.getKey() + " 的值不对 / inputs." + e.getKey()
                        + " " + declared.reject(e.getValue()));
            }
        });
    }

    private void measure(String path, String key, Node at) {
        if (ruleSet == null) return;
        String measureId = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
        if (ruleSet.measures().containsKey(measureId)) return;
        String near = Readers.nearest(measureId, ruleSet.measures().keySet());
        at(path, at, "没有编号为 " + measureId + " 的措施" + (near == null ? "" : "，是不是 " + near + "？") + " / no measure "
                + measureId + (near == null ? "" : "; did you mean " + near + "?"));
    }

    private Scenario.Expectation expectation(String path, JsonNode node, Node yaml) {
        String status = node.isTextual() ? node.asText() : node.path("status").asText();
        if (!STATUSES.contains(status)) {
            Node at = node.isTextual() ? yaml : StaffYaml.value(yaml, "status");
            at(path, at == null ? yaml : at, "结果“" + status + "”应为 " + STATUSES + " 之一 / status '" + status + "' is not one of " + STATUSES);
            return null;
        }
        if (node.isTextual()) return new Scenario.Expectation(status, null, false, null, null, null, null, null, null);
        // a misspelt key would otherwise check nothing and pass
        if (yaml instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                if (!KEYS.contains(key)) {
                    unknownKey(path, tuple.getKeyNode(), key, KEYS, "expect key");
                    return null;
                }
            }
        }
        if (node.has("amount") && !node.get("amount").isNull() && !node.get("amount").isNumber()) {
            at(path, StaffYaml.value(yaml, "amount"), "amount 应为数字（万元）/ amount must be a number (万元)");
            return null;
        }
        BigDecimal amount = node.hasNonNull("amount") ? node.get("amount").decimalValue() : null;
        return new Scenario.Expectation(status, amount, node.has("amount"), list(node.get("failed")), list(node.get("missing")),
                text(node, "basis"), node.hasNonNull("confirmed") ? node.get("confirmed").asBoolean() : null,
                list(node.get("conflictsWith")), text(node, "recommended"));
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }

    private void unknownKey(String path, Node key, String name, Collection<String> known, String what) {
        String near = Readers.nearest(name, known);
        at(path, key, "未知的" + ("input".equals(what) ? "输入项" : "字段") + "“" + name + "”" + (near == null ? "" : "，是不是“" + near + "”？")
                + " / unknown " + what + " '" + name + "'" + (near == null ? "" : "; did you mean '" + near + "'?"));
    }

    private void at(String path, Node node, String message) {
        problems.add(new RuleProblem(path, StaffYaml.line(node), StaffYaml.column(node), message));
    }

    /** The YAML node a Jackson error points at: the key of the last field in its path. */
    private static Node locate(Node profile, JsonMappingException e) {
        Node node = profile;
        Node at = profile;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                NodeTuple entry = StaffYaml.entry(node, ref.getFieldName());
                if (entry == null) return at;
                at = entry.getKeyNode();
                node = entry.getValueNode();
            } else if (ref.getIndex() >= 0) {
                Node item = StaffYaml.item(node, ref.getIndex());
                if (item == null) return at;
                at = item;
                node = item;
            }
        }
        return at;
    }

    private static String plain(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return message.replaceAll("`?\\b(?:[a-z_]\\w*\\.)+([A-Z]\\w*)`?", "$1").replaceAll(" \\(class [^)]*\\).*", "");
    }

    private static List<String> list(JsonNode node) {
        if (node == null) return null;
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** "financials.2024.operatingRevenue" from a Jackson error's path. */
    private static final class JsonPathText {
        static String of(JsonMappingException e) {
            StringBuilder out = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
                else if (ref.getIndex() >= 0) out.append('[').append(ref.getIndex()).append(']');
            }
            return out.toString();
        }
    }

    /** Staff words for the type a value should have. */
    private static final class TypeWords {
        static String of(Class<?> type, int language) {
            if (type == null) return language == 0 ? "其他格式" : "something else";
            String[][] words = {
                    {"整数", "a whole number"}, {"数字", "a number"}, {"true 或 false", "true or false"},
                    {"日期，如 2025-06-01", "a date like 2025-06-01"}, {"文字", "text"}, {"列表 [..]", "a list [..]"},
                    {"一组字段", "a group of fields"}};
            int kind;
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) kind = 0;
            else if (Number.class.isAssignableFrom(type)) kind = 1;
            else if (type == Boolean.class || type == boolean.class) kind = 2;
            else if (type == LocalDate.class) kind = 3;
            else if (type == String.class) kind = 4;
            else if (Collection.class.isAssignableFrom(type)) kind = 5;
            else if (type.isEnum()) {
                List<String> names = new ArrayList<>();
                for (Object c : type.getEnumConstants()) names.add(c.toString());
                return (language == 0 ? "以下之一：" : "one of ") + names;
            } else kind = 6;
            return words[kind][language];
        }
    }
}
