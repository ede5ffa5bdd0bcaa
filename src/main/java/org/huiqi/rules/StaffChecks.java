package org.huiqi.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huiqi.evaluation.facts.Places;
import org.huiqi.evaluation.facts.Tables;
import org.huiqi.profile.Certification;
import org.huiqi.profile.Profile;

/**
 * Everything about a rules directory that can be checked without running it: the codes, ids,
 * table names, dates and input ids the rules name exist, declared inputs are read, and no
 * {@value #MARKER} placeholder is left. One mistake is one problem at the line that has it —
 * not a failure in every scenario that happens to evaluate that rule.
 */
public final class StaffChecks {
    /** What {@code new} writes where staff must fill something in. */
    public static final String MARKER = "待填";
    private static final Pattern CALL = Pattern.compile("\\b(locatedIn|inPark|industryIn|holds|recognizedIn|firstRecognizedBetween"
            + "|rdInstitutionAtLeast|taxCreditRatingIn|input|inputFlag|inputIn|points|forRegion|lookup|byYear|enteredAboveScaleAfter)\\s*\\(");
    /** What comes right before {@code .input(} when a rule reads one year's value of a per-year input. */
    private static final Pattern OF_A_YEAR = Pattern.compile("(?:\\byear\\s*\\([^()]*\\)|lastYear\\s*\\(\\s*\\)|previous\\s*\\(\\s*\\))\\s*\\.\\s*$");
    /** {@link #calls}' name for {@code input} read on a year. */
    private static final String PER_YEAR = "year.input";
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final Pattern INDUSTRY = Pattern.compile("([A-T])(\\d{2})?(\\d{1,2})?");

    private StaffChecks() {
    }

    /** A string literal in a rule file: its text and where it starts. */
    private record Literal(String value, int line, int column, int offset) {
    }

    private record Known(Places places, PickLists pickLists, Tables tables, Map<String, InputDeclaration> inputs) {
    }

    /** Checks a built rule set. */
    public static List<RuleProblem> check(RuleSet ruleSet) {
        return check(ruleSet.files(), new Known(ruleSet.places(), ruleSet.pickLists(), ruleSet.tables(), ruleSet.inputs()));
    }

    /** Checks a directory that may not compile: reference data and declarations are read from the files. */
    public static List<RuleProblem> check(RuleFiles files) {
        List<RuleProblem> ignored = new ArrayList<>(); // the compiler reports these itself
        Places places = ReferenceData.places(files, ignored);
        return check(files, new Known(places, ReferenceData.pickLists(files, places, ignored), TableFiles.read(files, places, ignored),
                DeclaredInputs.read(files, ignored)));
    }

    private static List<RuleProblem> check(RuleFiles files, Known known) {
        List<RuleProblem> problems = new ArrayList<>();
        for (String path : files.paths()) {
            if (path.endsWith(".drl") || path.endsWith(".yaml") || path.endsWith(".csv")) markers(path, files.text(path), problems);
        }
        Set<String> read = new TreeSet<>();
        for (String path : files.withSuffix(".drl")) {
            String code = SourceScan.code(files.text(path), false);
            Matcher call = CALL.matcher(code);
            while (call.find()) {
                List<Literal> args = arguments(code, call.end());
                String method = call.group(1);
                // $e.year(2024).input("id") reads a per-year input; $e.input("id") a single answer
                if (method.equals("input") && OF_A_YEAR.matcher(code.substring(Math.max(0, call.start() - 80), call.start())).find()) {
                    method = PER_YEAR;
                }
                calls(path, method, args, known, read, problems);
            }
            for (Literal literal : literals(code, 0, code.length())) {
                if (DATE_LIKE.matcher(literal.value()).matches() && !annotation(code, literal) && !date(literal.value())) {
                    problems.add(problem(path, literal, "“" + literal.value() + "”不是有效日期，应写成 2025-01-01 的格式"
                            + " / '" + literal.value() + "' is not a date like 2025-01-01"));
                }
            }
        }
        for (InputDeclaration input : known.inputs().values()) {
            if (!read.contains(input.id())) {
                problems.add(new RuleProblem(input.file(), input.line(), 1, "声明了输入项 " + input.id() + "，但没有规则读取它：删除它，或在规则中用 "
                        + input.readerExample() + " / input " + input.id() + " is declared but no rule reads it"));
            }
        }
        problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    /** Whether {@code problem} is a placeholder still to fill in (anything else on its line is its echo). */
    public static boolean isMarker(RuleProblem problem) {
        return problem.message().startsWith("第" + problem.line() + "行还有“" + MARKER + "”");
    }

    private static void markers(String path, String text, List<RuleProblem> problems) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(MARKER);
            if (at >= 0) {
                problems.add(new RuleProblem(path, i + 1, at + 1, "第" + (i + 1) + "行还有“" + MARKER + "”：请按政策原文填写"
                        + " / line " + (i + 1) + " still has a " + MARKER + " placeholder to fill in"));
            }
        }
    }

    private static void calls(String path, String method, List<Literal> args, Known known, Set<String> read, List<RuleProblem> problems) {
        if (args.isEmpty()) return;
        Literal first = args.get(0);
        switch (method) {
            case "locatedIn" -> args.forEach(a -> region(path, a, known.places(), problems));
            case "inPark" -> {
                Set<String> parks = new TreeSet<>();
                known.pickLists().parks().forEach(p -> parks.add(p.id()));
                args.forEach(a -> oneOf(path, a, parks, "园区", "park", ReferenceData.PARKS, problems));
            }
            case "industryIn" -> args.forEach(a -> industry(path, a, known.pickLists(), problems));
            case "holds", "recognizedIn", "firstRecognizedBetween" ->
                    oneOf(path, first, names(Certification.Type.values()), "认定类型", "recognition", null, problems);
            case "rdInstitutionAtLeast" -> oneOf(path, first, names(Profile.RdInstitutionLevel.values()), "研发机构级别", "level", null, problems);
            case "taxCreditRatingIn" -> args.forEach(a -> oneOf(path, a, names(Profile.TaxCreditRating.values()), "纳税信用级别", "rating", null, problems));
            case "points" -> oneOf(path, first, known.tables().byName().keySet(), "表格", "table", null, problems);
            // lookup("table", "keyColumn", key, "column", "field"): the key may be a literal too
            case "lookup" -> numberColumn(path, method, args, args.size() >= 5 ? 3 : 2, known.tables(), problems);
            case "forRegion", "byYear" -> numberColumn(path, method, args, 1, known.tables(), problems);
            case "input", "inputFlag", "inputIn", PER_YEAR -> input(path, method, args, known.inputs(), read, problems);
            default -> { }
        }
    }

    /**
     * {@code byYear("table", "column", year)}, {@code forRegion("table", "column", $e)},
     * {@code lookup("table", "keyColumn", key, "column", "field")}: the table, and that the columns
     * read are columns of it, the value a number column, so a lookup cannot fail while evaluating.
     */
    private static void numberColumn(String path, String method, List<Literal> args, int column, Tables tables, List<RuleProblem> problems) {
        Literal name = args.get(0);
        oneOf(path, name, tables.byName().keySet(), "表格", "table", null, problems);
        Tables.Table table = tables.byName().get(name.value());
        if (table == null || args.size() <= column) return;
        Set<String> numbers = new TreeSet<>();
        table.columns().stream().filter(c -> c.kind() == Tables.Kind.NUMBER).forEach(c -> numbers.add(c.name()));
        oneOf(path, args.get(column), numbers, "数值列", "number column", table.file(), problems);
        if (method.equals("lookup")) {
            Set<String> all = new TreeSet<>();
            table.columns().forEach(c -> all.add(c.name()));
            oneOf(path, args.get(1), all, "列", "column", table.file(), problems);
        }
        if (method.equals("byYear") && table.columns().stream().noneMatch(c -> c.kind() == Tables.Kind.YEAR)) {
            problems.add(problem(path, name, "表格“" + name.value() + "”没有年份列：按年度查表时，表头要有一列写成 年度(年份)"
                    + " / table " + name.value() + " has no year column: name one like year(年份)"));
        }
    }

    private static void region(String path, Literal code, Places places, List<RuleProblem> problems) {
        if (places.byCode().containsKey(code.value()) || places.groups().containsKey(code.value())) return;
        String near = nearestRegion(code.value(), places);
        problems.add(problem(path, code, "地区“" + code.value() + "”不在 " + ReferenceData.REGIONS + " 中" + suggest(near, places)
                + "（六位行政区划代码或地区分组）/ region '" + code.value() + "' is not in " + ReferenceData.REGIONS
                + (near == null ? "" : "; did you mean '" + near + "'?")));
    }

    /** A code that begins with what was typed ("45040" → the city 450400), else the nearest code or group id. */
    static String nearestRegion(String typed, Places places) {
        String prefixed = places.byCode().keySet().stream().filter(c -> typed.length() >= 2 && c.startsWith(typed))
                .min(Comparator.comparing((String c) -> c.replaceAll("0+$", "").length()).thenComparing(c -> c)).orElse(null);
        if (prefixed != null) return prefixed;
        Set<String> all = new TreeSet<>(places.byCode().keySet());
        all.addAll(places.groups().keySet());
        return Readers.nearest(typed, all);
    }

    private static String suggest(String near, Places places) {
        if (near == null) return "";
        Places.Place place = places.byCode().get(near);
        return "，是不是“" + near + "”" + (place == null ? "" : "（" + place.zh() + "）") + "？";
    }

    private static void industry(String path, Literal code, PickLists pickLists, List<RuleProblem> problems) {
        Matcher m = INDUSTRY.matcher(code.value());
        String section = null;
        if (m.matches()) {
            if (pickLists.knowsIndustry(code.value())) return;
            problems.add(problem(path, code, "“" + code.value() + "”不在 " + ReferenceData.INDUSTRIES + " 的国民经济行业分类（GB/T 4754-2017）代码中"
                    + "（门类、大类，或所列中类的小类）/ '" + code.value() + "' is not a GB/T 4754-2017 code of " + ReferenceData.INDUSTRIES
                    + " (a section, a division, or a class of a group it lists)"));
            return;
        } else if (code.value().matches("\\d{2,4}")) {
            for (PickLists.IndustrySection s : pickLists.industries()) {
                if (s.divisions().stream().anyMatch(d -> d.code().equals(s.code() + code.value().substring(0, 2)))) section = s.code();
            }
        }
        problems.add(problem(path, code, "“" + code.value() + "”不是有效的国民经济行业分类（GB/T 4754-2017）代码：应为门类字母加大类数字，如 “C42”、“C4210”"
                + (section == null ? "" : "，是不是“" + section + code.value() + "”？") + " / '" + code.value()
                + "' is not a GB/T 4754-2017 code (section letter and division digits, e.g. C42)"
                + (section == null ? "" : "; did you mean '" + section + code.value() + "'?")));
    }

    private static void input(String path, String method, List<Literal> args, Map<String, InputDeclaration> inputs, Set<String> read,
                              List<RuleProblem> problems) {
        Literal id = args.get(0);
        read.add(id.value());
        InputDeclaration declared = inputs.get(id.value());
        if (declared == null) {
            String near = Readers.nearest(id.value(), inputs.keySet());
            problems.add(problem(path, id, "输入项“" + id.value() + "”没有在任何 *.inputs.yaml 中声明" + (near == null ? "" : "，是不是“" + near + "”？")
                    + " / input '" + id.value() + "' is not declared in any *.inputs.yaml" + (near == null ? "" : "; did you mean '" + near + "'?")));
        } else if (declared.perYear() != method.equals(PER_YEAR)) {
            problems.add(problem(path, id, declared.perYear()
                    ? "输入项 " + id.value() + " 按年度填写（perYear: true），请读取某一年的值，如 " + declared.readerExample() + " 或 $e.lastYear().input(\""
                    + id.value() + "\") / input " + id.value() + " has a value per year: read one year's, e.g. " + declared.readerExample()
                    : "输入项 " + id.value() + " 不是按年度填写的：用 $e.input(\"" + id.value() + "\") 读取；要按年度填写，在声明中加 perYear: true"
                    + " / input " + id.value() + " is not per year: read it with $e.input(\"" + id.value() + "\"), or declare it perYear: true"));
        } else if (!declared.perYear() && !declared.type().reader().equals(method)) {
            problems.add(problem(path, id, "输入项 " + id.value() + " 声明为 " + declared.type().word() + "，应该用 $e." + declared.type().reader()
                    + "(…) 读取 / input " + id.value() + " is a " + declared.type().word() + ": read it with $e." + declared.type().reader() + "(…)"));
        } else if (declared.type() == InputDeclaration.Type.CHOICE) {
            args.subList(1, args.size()).forEach(a -> oneOf(path, a, declared.choices(), "选项", "choice", declared.file(), problems));
        }
    }

    private static void oneOf(String path, Literal value, Collection<String> allowed, String zh, String en, String source,
                              List<RuleProblem> problems) {
        if (allowed.contains(value.value())) return;
        String near = Readers.nearest(value.value(), allowed);
        problems.add(problem(path, value, zh + "“" + value.value() + "”不存在" + (source == null ? "" : "于 " + source)
                + (near == null ? "，可用：" + allowed : "，是不是“" + near + "”？") + " / unknown " + en + " '" + value.value() + "'"
                + (near == null ? "; known: " + allowed : "; did you mean '" + near + "'?")));
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(values).forEach(v -> names.add(v.name()));
        return names;
    }

    /** The string literals among a call's arguments, from just after its "(" to the matching ")". */
    private static List<Literal> arguments(String code, int start) {
        int depth = 1;
        int i = start;
        boolean string = false;
        for (; i < code.length() && depth > 0; i++) {
            char c = code.charAt(i);
            if (string) {
                if (c == '\\') i++;
                else if (c == '"') string = false;
            } else if (c == '"') {
                string = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        // only the call's own arguments: literals of nested calls belong to those calls
        List<Literal> own = new ArrayList<>();
        int nested = 0;
        List<Literal> all = literals(code, start, i);
        int cursor = start;
        for (Literal literal : all) {
            int offset = literal.offset();
            for (; cursor < offset; cursor++) {
                char c = code.charAt(cursor);
                if (c == '(') nested++;
                else if (c == ')') nested--;
            }
            if (nested == 0) own.add(literal);
            cursor = offset + literal.value().length() + 1;
        }
        return own;
    }

    private static List<Literal> literals(String code, int from, int to) {
        List<Literal> literals = new ArrayList<>();
        Matcher m = STRING.matcher(code).region(from, to);
        int line = 1;
        int lineStart = 0;
        int counted = 0;
        while (m.find()) {
            for (; counted < m.start(); counted++) {
                if (code.charAt(counted) == '\n') {
                    line++;
                    lineStart = counted + 1;
                }
            }
            literals.add(new Literal(m.group(1), line, m.start() - lineStart + 2, m.start() + 1));
        }
        return literals;
    }

    private static boolean annotation(String code, Literal literal) {
        int start = literal.offset();
        int lineStart = code.lastIndexOf('\n', start) + 1;
        return code.substring(lineStart, start).strip().startsWith("@");
    }

    private static boolean date(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static RuleProblem problem(String path, Literal literal, String message) {
        return new RuleProblem(path, literal.line(), literal.column(), message);
    }
}
