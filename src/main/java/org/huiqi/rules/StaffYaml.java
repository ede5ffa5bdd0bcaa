package org.huiqi.rules;

import java.io.StringReader;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML as staff write it: anchors and merge keys ({@code <<: *base}) work, so one base profile can
 * be varied per case; dates stay text ("2025-06-01") for the profile reader to check. The composed
 * node tree keeps each value's line, so a problem is reported where the staff member typed it.
 */
public final class StaffYaml {
    private StaffYaml() {
    }

    /** A YAML syntax error with its position. */
    public static final class YamlError extends RuntimeException {
        private final int line;
        private final int column;

        YamlError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** The plain values of a text {@link #compose} has already accepted (it refuses cycles), merge keys applied. */
    public static Object loadComposed(String text) {
        try {
            return yaml().load(text);
        } catch (MarkedYAMLException e) {
            throw error(e);
        } catch (YAMLException e) {
            String[] words = staffWords(String.valueOf(e.getMessage()));
            throw new YamlError("YAML 格式错误：" + words[0] + " / not valid YAML: " + words[1], 0, 0);
        }
    }

    /** The node tree, before merge keys are applied: every node knows its line. Refuses cycles. */
    public static Node compose(String text) {
        try {
            Node root = yaml().compose(new StringReader(text));
            if (root != null) refuseCycles(root, identitySet(), new IdentityHashMap<>());
            return root;
        } catch (MarkedYAMLException e) {
            throw error(e);
        } catch (YAMLException e) {
            String[] words = staffWords(String.valueOf(e.getMessage()));
            throw new YamlError("YAML 格式错误：" + words[0] + " / not valid YAML: " + words[1], 0, 0);
        }
    }

    /** What one file may expand to through its aliases: far above any real scenario file. */
    static final long MAX_EXPANDED_VALUES = 200_000;

    /**
     * A list or map that contains itself through an alias ({@code a: &x [*x]}) is valid YAML but has
     * no end: reading it as a profile would recurse until the stack overflows. A file of nested
     * aliases ("billion laughs") is finite but expands to more values than memory holds once it is
     * turned into a profile; its expanded size is counted here without expanding it.
     *
     * @return the number of values the node stands for once its aliases are expanded
     */
    private static long refuseCycles(Node node, Set<Node> enclosing, Map<Node, Long> sizes) {
        if (!(node instanceof CollectionNode<?>)) return 1;
        // A node reached again through another alias was counted already: without this, a file of
        // nested aliases would be walked once per path, exponentially often.
        Long known = sizes.get(node);
        if (known != null) return known;
        if (!enclosing.add(node)) {
            Mark mark = node.getStartMark();
            throw new YamlError("YAML 格式错误：引用（*名称）指向了包含它自己的列表或字段 / not valid YAML: an alias refers to a list or map that contains it (a recursive anchor)",
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1);
        }
        long size = 1;
        if (node instanceof SequenceNode sequence) {
            for (Node child : sequence.getValue()) size += refuseCycles(child, enclosing, sizes);
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                size += refuseCycles(tuple.getKeyNode(), enclosing, sizes) + refuseCycles(tuple.getValueNode(), enclosing, sizes);
            }
        }
        if (size > MAX_EXPANDED_VALUES) {
            Mark mark = node.getStartMark();
            throw new YamlError("YAML 格式错误：别名（&、*）展开后超过 " + MAX_EXPANDED_VALUES + " 个值 / not valid YAML: its aliases expand to more than " + MAX_EXPANDED_VALUES + " values",
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1);
        }
        enclosing.remove(node);
        sizes.put(node, size);
        return size;
    }

    private static Set<Node> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** 1-based line of a node. */
    public static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** 1-based column of a node. */
    public static int column(Node node) {
        return node == null ? 0 : node.getStartMark().getColumn() + 1;
    }

    /** The key node of {@code key} in a mapping, looking through merge keys ({@code <<: *base}). */
    public static NodeTuple entry(Node mapping, String key) {
        if (!(mapping instanceof MappingNode map)) return null;
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) return tuple;
        }
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && "<<".equals(k.getValue())) {
                List<Node> sources = tuple.getValueNode() instanceof SequenceNode seq ? seq.getValue() : List.of(tuple.getValueNode());
                for (Node source : sources) {
                    NodeTuple found = entry(source, key);
                    if (found != null) return found;
                }
            }
        }
        return null;
    }

    public static Node value(Node mapping, String key) {
        NodeTuple tuple = entry(mapping, key);
        return tuple == null ? null : tuple.getValueNode();
    }

    public static Node item(Node sequence, int index) {
        return sequence instanceof SequenceNode seq && index >= 0 && index < seq.getValue().size() ? seq.getValue().get(index) : null;
    }

    private static Yaml yaml() {
        // Bounds on what one file can make the loader build: an alias may not repeat a list or map more
        // than this often in all ("billion laughs"), nor may lists and maps nest deeper than this.
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        options.setNestingDepthLimit(50);
        options.setAllowRecursiveKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new DatesAsText());
    }

    private static YamlError error(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        String[] words = staffWords(problem);
        // A bracket never closed or a key without its colon is where it was opened, not where the parser gave up.
        boolean atContext = e.getContextMark() != null && (problem.contains("could not find expected ':'")
                || problem.contains("expected ',' or") || problem.contains("end of stream") && e.getContext() != null
                && e.getContext().contains("flow"));
        Mark mark = atContext ? e.getContextMark() : e.getProblemMark();
        return new YamlError("YAML 格式错误：" + words[0] + " / not valid YAML: " + words[1],
                mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1);
    }

    /** The parser's problem in the words of someone editing the file, Chinese and English. */
    private static String[] staffWords(String problem) {
        if (problem.startsWith("expected <block end>") || problem.contains("bad indentation")) {
            return new String[] {"这一行的缩进和上面的行对不齐：同一层的字段要左对齐（只用空格，不用 Tab）",
                    "this line is not indented like the lines above it: keys of one level line up (spaces only)"};
        }
        if (problem.contains("mapping values are not allowed")) {
            return new String[] {"这里不能有冒号：字段名和值之间写“: ”（英文冒号加空格），值里有冒号时给整个值加英文引号",
                    "a colon is not allowed here: write 'key: value', and quote a value that contains a colon"};
        }
        if (problem.contains("could not find expected ':'")) {
            return new String[] {"这一行少了英文冒号“:”（或写成了中文冒号“：”）", "this line has no ':' after its key (or a full-width '：')"};
        }
        if (problem.contains("'\\t'") || problem.contains("\\t")) {
            return new String[] {"这一行有 Tab 字符：缩进只能用空格", "this line has a tab: indent with spaces only"};
        }
        if (problem.contains("expected ',' or") || problem.contains("end of stream")) {
            return new String[] {"方括号 [ ] 或花括号 { } 没有配对：这里打开的括号没有关上", "a [ or { opened here is never closed"};
        }
        if (problem.contains("undefined alias")) {
            return new String[] {"引用（*名称）的锚点（&名称）没有定义：检查拼写，锚点要写在引用之前",
                    "an alias (*name) refers to an anchor (&name) not defined before it"};
        }
        return new String[] {"检查缩进、冒号后的空格、中文标点（" + problem + "）", problem};
    }

    /** The standard YAML 1.1 resolver without timestamps. */
    private static final class DatesAsText extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
