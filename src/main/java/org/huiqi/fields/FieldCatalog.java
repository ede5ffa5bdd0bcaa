package org.huiqi.fields;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huiqi.evaluation.Text;
import org.huiqi.rules.InputDeclaration;
import org.huiqi.rules.RuleSet;

/**
 * Every profile input the service knows: the built-in fields of the profile records plus any a
 * rule set declares ({@link #plus}), so a rule file that reads a new input brings its description
 * with it. Resolves a concrete JSON path as results name it ({@code financials.2024.rdExpense},
 * {@code projects[0].kind}, {@code quarterlyOutput[year=2023,quarter=1].output}) to its field and
 * a label a person can read.
 */
public final class FieldCatalog {
    private static final Pattern YEAR = Pattern.compile("\\.(\\d{4})(?=\\.|$)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern QUARTER = Pattern.compile("\\[year=(\\d{4}),quarter=(\\d)]");

    private final List<Section> sections;
    private final Map<String, Field> byPath;
    private final Map<String, Integer> positions = new HashMap<>();

    FieldCatalog(List<Section> sections, Collection<Field> fields) {
        this.sections = List.copyOf(sections);
        Map<String, Field> map = new LinkedHashMap<>();
        for (Field field : fields) {
            if (map.putIfAbsent(field.path(), field) != null) {
                throw new IllegalArgumentException("field " + field.path() + " is described twice");
            }
            positions.put(field.path(), positions.size());
        }
        this.byPath = map;
    }

    /** The fields of the profile records. */
    public static FieldCatalog builtIn() {
        return BuiltInFields.CATALOG;
    }

    /** The section of the inputs that rule files declare ({@code *.inputs.yaml}). */
    static final Section DECLARED = new Section("inputs", "政策规则声明的补充信息", "Inputs declared by measures");

    /**
     * The catalog that goes with a rule set: the built-in fields plus the inputs its rule files
     * declare, so the form, the reference endpoint, the labels and the questions follow them.
     */
    public static FieldCatalog of(RuleSet ruleSet) {
        return builtIn().plus(ruleSet.inputs().values().stream().map(FieldCatalog::declared).toList());
    }

    private static Field declared(InputDeclaration input) {
        String type = switch (input.type()) {
            case NUMBER -> "dec";
            case BOOLEAN -> "bool";
            case CHOICE -> "enum";
        };
        List<Field.Choice> values = input.choices().stream().map(c -> new Field.Choice(c, c, c)).toList();
        return new Field(input.field(), DECLARED.id(), type, Text.of(input.zh(), input.en()),
                input.help() == null ? null : Text.of(input.help(), input.help()),
                input.unit() == null ? null : Text.of(input.unit(), input.unit()), values,
                List.of("Enterprise." + input.type().reader()), false, false);
    }

    /** This catalog with more fields, e.g. the inputs a rule set declares; a path described twice is an error. */
    public FieldCatalog plus(Collection<Field> extra) {
        if (extra.isEmpty()) return this;
        List<Field> all = new ArrayList<>(byPath.values());
        all.addAll(extra);
        List<Section> allSections = new ArrayList<>(sections);
        for (Field f : extra) {
            if (allSections.stream().noneMatch(s -> s.id().equals(f.section()))) {
                allSections.add(f.section().equals(DECLARED.id()) ? DECLARED : new Section(f.section(), f.section(), f.section()));
            }
        }
        return new FieldCatalog(allSections, all);
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Field> fields() {
        return List.copyOf(byPath.values());
    }

    /** Where a catalog path stands in the form's order; paths the catalog lacks come last. */
    public int position(String catalogPath) {
        return positions.getOrDefault(catalogPath, Integer.MAX_VALUE);
    }

    /** The catalog path of a concrete path: years become {year}, list positions []. */
    public static String pattern(String path) {
        String p = QUARTER.matcher(path).replaceAll("[]");
        p = INDEX.matcher(p).replaceAll("[]");
        return YEAR.matcher(p).replaceAll(".{year}");
    }

    /** The field a concrete path (as in missingFields) refers to. */
    public Optional<Field> find(String path) {
        return Optional.ofNullable(byPath.get(pattern(path)));
    }

    /** A label for a concrete path: the field's label with the year, quarter or list position it names. */
    public Text label(String path) {
        Field field = byPath.get(pattern(path));
        if (field == null) return Text.of(path, path);
        String zh = field.label().zh();
        String en = field.label().en();
        Matcher quarter = QUARTER.matcher(path);
        if (quarter.find()) {
            zh = quarter.group(1) + "年第" + quarter.group(2) + "季度" + zh;
            en = en + ", Q" + quarter.group(2) + " " + quarter.group(1);
        }
        Matcher year = YEAR.matcher(path);
        if (year.find()) {
            zh = year.group(1) + "年" + zh;
            en = en + ", " + year.group(1);
        }
        Matcher index = INDEX.matcher(path);
        if (index.find()) {
            Field list = byPath.get(path.substring(0, index.start()));
            int n = Integer.parseInt(index.group(1)) + 1;
            if (list != null) {
                zh = list.label().zh() + " " + n + "：" + zh;
                en = list.label().en() + " " + n + ": " + en;
            }
        }
        return Text.of(zh, en);
    }
}
