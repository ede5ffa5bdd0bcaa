package org.huiqi.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.huiqi.evaluation.Check;
import org.huiqi.evaluation.Flag;
import org.huiqi.evaluation.Num;
import org.huiqi.evaluation.Text;
import org.huiqi.rules.InputDeclaration;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.evaluation.facts.FiscalYear;
import org.huiqi.evaluation.facts.IpCounts;
import org.huiqi.evaluation.facts.Project;
import org.huiqi.profile.Profile;
import org.junit.jupiter.api.Test;

/** The catalog describes exactly the profile the API reads, and every reader rules can call. */
class FieldCatalogTest {
    private final FieldCatalog catalog = FieldCatalog.builtIn();

    @Test
    void describesEveryFieldOfTheProfileRecordsAndNothingElse() {
        Set<String> profile = new TreeSet<>();
        walk(Profile.class, "", profile);
        // profile.inputs holds the answers to inputs that rule files declare: those are described by
        // the rule set (FieldCatalog.of), not by the built-in catalog.
        assertThat(profile.remove("inputs.{year}")).as("the profile has a map of declared inputs").isTrue();
        Set<String> described = new TreeSet<>(catalog.fields().stream().map(Field::path).toList());
        assertThat(described).as("catalog paths").isEqualTo(profile);
    }

    @Test
    void everyFieldSaysInBothLanguagesWhatItMeansAndWhereToFindIt() {
        for (Field f : catalog.fields()) {
            assertThat(f.help()).as(f.path() + " help").isNotNull();
            assertThat(f.help().zh()).as(f.path() + " help in Chinese").matches("(?s).*\\p{IsHan}.*").isNotEqualTo(f.label().zh());
            assertThat(f.help().en()).as(f.path() + " help in English").doesNotContainPattern("\\p{IsHan}")
                    .isNotBlank().isNotEqualTo(f.label().en());
        }
    }

    @Test
    void everyFactReaderRulesCanCallIsNamedByAFieldAndEveryNamedReaderExists() {
        Set<String> readers = new TreeSet<>();
        for (Class<?> facts : List.of(Enterprise.class, FiscalYear.class, Project.class, IpCounts.class)) {
            for (Method m : facts.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) continue;
                Class<?> r = m.getReturnType();
                boolean readsInput = r == Num.class || r == Flag.class || r == Check.class
                        || (r == String.class && !m.getName().equals("toString") && !m.getName().equals("id"))
                        || m.getName().equals("projects");
                if (readsInput) readers.add(facts.getSimpleName() + "." + m.getName());
            }
        }
        Set<String> named = new TreeSet<>();
        catalog.fields().forEach(f -> named.addAll(f.readBy()));
        // The readers of declared inputs are named by the fields a rule set declares, one per input type.
        for (InputDeclaration.Type type : InputDeclaration.Type.values()) named.add("Enterprise." + type.reader());
        assertThat(named).as("readers no field names: a rule could read a field the catalog does not describe")
                .containsAll(readers);
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(readers);
        unknown.remove("Project.id");
        assertThat(unknown).as("readers named by the catalog that do not exist").isEmpty();
    }

    @Test
    void everyFieldHasBothLabelsAndEveryEnumItsValues() {
        for (Field f : catalog.fields()) {
            assertThat(f.label().zh()).as(f.path()).isNotBlank();
            assertThat(f.label().en()).as(f.path()).isNotBlank();
            if (f.type().equals("enum")) assertThat(f.values()).as(f.path()).isNotEmpty();
            assertThat(catalog.sections().stream().map(Section::id)).as(f.path()).contains(f.section());
        }
        assertThat(catalog.find("rcuVatCategory").orElseThrow().values()).extracting(Field.Choice::value)
                .containsExactly("RECYCLED_METAL", "RECYCLED_PLASTIC", "WASTE_SLAG_BUILDING_MATERIAL", "OTHER", "NOT_LISTED");
    }

    @Test
    void concretePathsAsResultsNameThemGetReadableLabels() {
        assertThat(catalog.label("financials.2024.rdExpense")).isEqualTo(Text.of("2024年研发费用", "R&D expense, 2024"));
        assertThat(catalog.label("projects[0].totalInvestment")).isEqualTo(Text.of("投资项目 1：计划总投资", "Investment projects 1: Planned total investment"));
        assertThat(catalog.label("quarterlyOutput[year=2023,quarter=1].output")).isEqualTo(Text.of("2023年第1季度工业产值", "Industrial output, Q1 2023"));
        assertThat(catalog.label("equityFinancing.2025").zh()).isEqualTo("2025年股权融资额");
        assertThat(catalog.label("majorIncidentWithin1Year").zh()).startsWith("申请前一年内");
        assertThat(catalog.find("certifications[1].recognizedOn")).isPresent();
    }

    @Test
    void ruleSetInputsJoinTheCatalogButMayNotRedescribeAField() {
        Field extra = new Field("inputs.exportShare", "extra", "dec", Text.of("出口占比", "Export share"), null, null,
                List.of(), List.of(), false, false);
        FieldCatalog joined = catalog.plus(List.of(extra));
        assertThat(joined.find("inputs.exportShare")).contains(extra);
        assertThat(joined.sections()).extracting(Section::id).contains("extra");
        Field twice = new Field("sme", "basic", "bool", Text.of("x", "x"), null, null, List.of(), List.of(), false, false);
        assertThatThrownBy(() -> catalog.plus(List.of(twice))).hasMessageContaining("sme");
    }

    /** The JSON paths of a record: nested records by '.', lists by '[]', year maps by '.{year}'. */
    private static void walk(Class<?> record, String prefix, Set<String> out) {
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + c.getName();
            Type type = c.getGenericType();
            if (c.getType().isRecord()) {
                walk(c.getType(), path + ".", out);
            } else if (type instanceof ParameterizedType p && c.getType() == List.class) {
                out.add(path);
                Class<?> item = raw(p.getActualTypeArguments()[0]);
                if (item.isRecord()) walk(item, path + "[].", out);
            } else if (type instanceof ParameterizedType p && c.getType() == Map.class) {
                Class<?> value = raw(p.getActualTypeArguments()[1]);
                if (value.isRecord()) walk(value, path + ".{year}.", out);
                else out.add(path + ".{year}");
            } else {
                out.add(path);
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        if (type instanceof java.lang.reflect.AnnotatedType a) return raw(a.getType());
        return (Class<?>) type;
    }

}
