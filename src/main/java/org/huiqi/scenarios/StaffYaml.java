package org.huiqi.scenarios;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
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
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new DatesAsText());
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            throw new YamlError(problem, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1);
        }
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
