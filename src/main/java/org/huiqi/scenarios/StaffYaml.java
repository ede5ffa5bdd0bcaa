package org.huiqi.scenarios;

import java.io.StringReader;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
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
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML as staff write it: anchors and merge keys ({@code <<: *base}) work, so one base profile can
 * be varied per case; dates stay text ("2025-06-01") for the profile reader to check.
 */
final class StaffYaml {
    private StaffYaml() {
    }

    /** A YAML syntax error with its position. */
    static final class YamlError extends RuntimeException {
        private final int line;
        private final int column;

        YamlError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    static Object load(String text) {
        // Bounds on what one file can make the loader build: an alias may not repeat a list or map more
        // than this often in all ("billion laughs"), nor may lists and maps nest deeper than this.
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        options.setNestingDepthLimit(50);
        options.setAllowRecursiveKeys(false);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new DatesAsText());
        try {
            Node root = yaml.compose(new StringReader(text));
            if (root != null) refuseCycles(root, identitySet(), identitySet());
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            throw new YamlError(problem, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1);
        } catch (YAMLException e) {
            throw new YamlError(e.getMessage(), 0, 0);
        }
    }

    /**
     * A list or map that contains itself through an alias ({@code a: &x [*x]}) is valid YAML but has
     * no end: reading it as a profile would recurse until the stack overflows.
     */
    private static void refuseCycles(Node node, Set<Node> enclosing, Set<Node> done) {
        // A node reached again through another alias was checked already: without this, a file of
        // nested aliases ("billion laughs") would be walked once per path, exponentially often.
        if (!(node instanceof CollectionNode<?>) || done.contains(node)) return;
        if (!enclosing.add(node)) {
            Mark mark = node.getStartMark();
            throw new YamlError("an alias refers to a list or map that contains it (a recursive anchor)",
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1);
        }
        if (node instanceof SequenceNode sequence) {
            for (Node child : sequence.getValue()) refuseCycles(child, enclosing, done);
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                refuseCycles(tuple.getKeyNode(), enclosing, done);
                refuseCycles(tuple.getValueNode(), enclosing, done);
            }
        }
        enclosing.remove(node);
        done.add(node);
    }

    private static Set<Node> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
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
