package org.huiqi.rules;

import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
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

    public static Object load(String text) {
        try {
            return yaml().load(text);
        } catch (MarkedYAMLException e) {
            throw error(e);
        }
    }

    /** The node tree, before merge keys are applied: every node knows its line. */
    public static Node compose(String text) {
        try {
            return yaml().compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            throw error(e);
        }
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
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new DatesAsText());
    }

    private static YamlError error(MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        return new YamlError(problem, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1);
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
