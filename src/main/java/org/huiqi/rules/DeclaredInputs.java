package org.huiqi.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.huiqi.profile.ProfileLimits;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code *.inputs.yaml} files of a rules directory:
 * <pre>
 * inputs:
 *   - id: copperOutputTonnes
 *     type: number            # number | boolean | choice
 *     unit: 吨
 *     zh: 上年再生铜产量
 *     en: Recycled copper output last year
 *     help: 按上年统计报表填写      # optional
 *     choices: [A, B]         # choice only
 * </pre>
 * Every mistake is reported with file and line; ids are unique across the directory.
 */
final class DeclaredInputs {
    static final String SUFFIX = ".inputs.yaml";
    private static final Set<String> KEYS = Set.of("id", "type", "unit", "zh", "en", "help", "choices", "perYear");

    private DeclaredInputs() {
    }

    static Map<String, InputDeclaration> read(RuleFiles files, List<RuleProblem> problems) {
        Map<String, InputDeclaration> inputs = new TreeMap<>();
        for (String path : files.withSuffix(SUFFIX)) {
            Node root;
            try {
                root = StaffYaml.compose(files.text(path));
            } catch (StaffYaml.YamlError e) {
                problems.add(new RuleProblem(path, e.line(), e.column(), e.getMessage()));
                continue;
            }
            Node list = StaffYaml.value(root, "inputs");
            if (!(list instanceof SequenceNode items)) {
                problems.add(new RuleProblem(path, 1, 1, "文件应以 inputs: 开头，下面逐项列出 / expected a list under 'inputs:'"));
                continue;
            }
            for (Node item : items.getValue()) {
                InputDeclaration input = declaration(path, item, problems);
                if (input == null) continue;
                InputDeclaration earlier = inputs.putIfAbsent(input.id(), input);
                if (earlier != null) {
                    problems.add(new RuleProblem(path, input.line(), 1, "输入项 " + input.id() + " 已在 " + earlier.file() + ":" + earlier.line()
                            + " 声明过 / input " + input.id() + " is already declared in " + earlier.file() + ":" + earlier.line()));
                }
            }
        }
        return inputs;
    }

    private static InputDeclaration declaration(String path, Node item, List<RuleProblem> problems) {
        int line = StaffYaml.line(item);
        if (!(item instanceof MappingNode map)) {
            problems.add(new RuleProblem(path, line, StaffYaml.column(item), "每个输入项需要 id、type、zh、en / each input needs id, type, zh, en"));
            return null;
        }
        int before = problems.size();
        for (NodeTuple tuple : map.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (!KEYS.contains(key)) {
                String near = Readers.nearest(key, KEYS);
                problems.add(new RuleProblem(path, StaffYaml.line(tuple.getKeyNode()), StaffYaml.column(tuple.getKeyNode()),
                        "未知的项“" + key + "”" + (near == null ? "" : "，是不是“" + near + "”？") + " / unknown key '" + key + "'"
                                + (near == null ? "; allowed: " + KEYS : "; did you mean '" + near + "'?")));
            }
        }
        String id = text(item, "id");
        if (id == null || !id.matches("[a-z][A-Za-z0-9]*")) {
            problems.add(new RuleProblem(path, line, 1, "id 应为英文小写字母开头的驼峰名称，如 copperOutputTonnes，不是“" + id
                    + "” / id must be a camelCase name such as copperOutputTonnes, not '" + id + "'"));
        } else if (id.length() > ProfileLimits.MAX_INPUT_ID_LENGTH) {
            // Profiles are refused an answer under a longer id, so such an input could never be answered.
            problems.add(new RuleProblem(path, line, 1, "id 最多 " + ProfileLimits.MAX_INPUT_ID_LENGTH + " 个字符 / an id is at most "
                    + ProfileLimits.MAX_INPUT_ID_LENGTH + " characters"));
        }
        String typeWord = text(item, "type");
        InputDeclaration.Type type = InputDeclaration.Type.of(typeWord);
        if (type == null) {
            problems.add(new RuleProblem(path, line(item, "type", line), 1, "type 应为 number（数值）、boolean（是否）或 choice（选项），不是“"
                    + typeWord + "” / type must be number, boolean or choice, not '" + typeWord + "'"));
        }
        for (String key : List.of("zh", "en")) {
            if (text(item, key) == null) {
                problems.add(new RuleProblem(path, line, 1, "输入项 " + id + " 缺少 " + key + "（问题的" + ("zh".equals(key) ? "中文" : "英文")
                        + "说法） / input " + id + " needs '" + key + "'"));
            }
        }
        List<String> choices = new ArrayList<>();
        Node choiceNode = StaffYaml.value(item, "choices");
        if (choiceNode instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> choices.add(n instanceof ScalarNode s ? s.getValue() : ""));
        }
        if (choices.stream().anyMatch(c -> c.length() > ProfileLimits.MAX_INPUT_TEXT_LENGTH)) {
            problems.add(new RuleProblem(path, line(item, "choices", line), 1, "每个选项最多 " + ProfileLimits.MAX_INPUT_TEXT_LENGTH
                    + " 个字符 / a choice is at most " + ProfileLimits.MAX_INPUT_TEXT_LENGTH + " characters"));
        }
        if (type == InputDeclaration.Type.CHOICE && choices.isEmpty()) {
            problems.add(new RuleProblem(path, line, 1, "choice 类输入项需要 choices: [..] 列出可选答案 / a choice input needs 'choices: [..]'"));
        }
        if (type != null && type != InputDeclaration.Type.CHOICE && !choices.isEmpty()) {
            problems.add(new RuleProblem(path, line(item, "choices", line), 1, "只有 choice 类输入项可以写 choices / only a choice input has choices"));
        }
        if (type == InputDeclaration.Type.NUMBER && text(item, "unit") == null) {
            problems.add(new RuleProblem(path, line, 1, "数值输入项 " + id + " 需要写单位 unit（如 吨、万元、%） / number input " + id + " needs a 'unit'"));
        }
        String perYear = text(item, "perYear");
        if (perYear != null && !perYear.equals("true") && !perYear.equals("false")) {
            problems.add(new RuleProblem(path, line(item, "perYear", line), 1, "perYear 只能写 true（按年度填写）或 false / perYear is true or false"));
        } else if ("true".equals(perYear) && type != null && type != InputDeclaration.Type.NUMBER) {
            problems.add(new RuleProblem(path, line(item, "perYear", line), 1, "只有数值（number）输入项可以按年度填写 / only a number input can be per year"));
        }
        if (problems.size() > before) return null;
        return new InputDeclaration(id, type, text(item, "unit"), text(item, "zh"), text(item, "en"), text(item, "help"),
                List.copyOf(choices), "true".equals(perYear), path, line);
    }

    private static String text(Node map, String key) {
        Node value = StaffYaml.value(map, key);
        if (!(value instanceof ScalarNode scalar)) return null;
        String text = scalar.getValue().strip();
        return text.isEmpty() ? null : text;
    }

    private static int line(Node map, String key, int fallback) {
        Node value = StaffYaml.value(map, key);
        return value == null ? fallback : StaffYaml.line(value);
    }
}
