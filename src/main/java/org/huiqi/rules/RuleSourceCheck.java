package org.huiqi.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The parts of a rule file Drools does not compile to Java, checked on the parsed file before
 * anything is compiled: Drools evaluates annotation values as MVEL expressions while it builds
 * (so {@code @zh(java.lang.System.exit(0))} would run in {@code validate}), and conditions,
 * {@code from}, {@code accumulate}, salience and {@code dialect "mvel"} consequences are
 * interpreted MVEL that {@link CompiledCodeCheck} never sees. So annotation values must be text
 * in quotes, conditions match the engine's facts with plain comparisons, and consequences and
 * functions are Java, which is checked once compiled.
 */
final class RuleSourceCheck {
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|true|false");
    private static final String OPERAND = "(?:\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|true|false|null|\\$?\\w+)";
    /** {@code field}, {@code field == "x"}, {@code $v : field}, {@code field >= $other}: no calls, no paths. */
    private static final Pattern COMPARISON = Pattern.compile(
            "\\s*(?:\\$?\\w+\\s*:\\s*)?\\w+\\s*(?:(?:==|!=|<=|>=|<|>)\\s*" + OPERAND + "\\s*)?");
    private static final Pattern BOUND_FIELD = Pattern.compile("\\s*\\w+\\s*");
    private static final Set<String> LITERAL_ATTRIBUTES = Set.of("salience", "enabled");
    private static final Set<String> REFUSED_ATTRIBUTES = Set.of("timer", "duration", "calendars");

    private final String file;
    private final String[] lines;
    private final List<RuleProblem> problems = new ArrayList<>();

    private RuleSourceCheck(String file, String text) {
        this.file = file;
        this.lines = SourceScan.code(text, true).split("\n", -1);
    }

    /**
     * Problems in the given rule files, in file order; a file that does not parse is left to the
     * compiler's own message. Files are parsed in parallel: at 1,000 measures this parse is a
     * second or two of a cold start.
     */
    static List<RuleProblem> check(RuleFiles files, List<String> drl) {
        return drl.parallelStream().flatMap(path -> check(path, files.text(path)).stream()).toList();
    }

    private static List<RuleProblem> check(String path, String text) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            return List.of();
        }
        if (pkg == null || parser.hasErrors()) return List.of();
        RuleSourceCheck check = new RuleSourceCheck(path, text);
        check.pkg(pkg);
        return check.problems;
    }

    private void pkg(PackageDescr pkg) {
        pkg.getAttributes().forEach(this::attribute);
        pkg.getTypeDeclarations().forEach(d -> refuse(d, "declare"));
        pkg.getEnumDeclarations().forEach(d -> refuse(d, "declare enum"));
        pkg.getWindowDeclarations().forEach(d -> refuse(d, "declare window"));
        pkg.getGlobals().forEach(g -> refuse(g, "global"));
        for (FunctionDescr function : pkg.getFunctions()) {
            if (function.getDialect() != null && !"java".equals(function.getDialect())) dialect(function);
        }
        for (RuleDescr rule : pkg.getRules()) {
            if (rule.isQuery()) {
                refuse(rule, "query");
                continue;
            }
            annotations(rule, rule.getLine());
            rule.getAttributes().values().forEach(this::attribute);
            conditions(rule.getLhs());
        }
    }

    private void annotations(AnnotatedBaseDescr owner, int fromLine) {
        for (AnnotationDescr annotation : owner.getAnnotations()) {
            for (Object value : annotation.getValueMap().values()) {
                if (value != null && !LITERAL.matcher(value.toString().strip()).matches()) {
                    problems.add(find("@" + annotation.getName(), fromLine, "注解 @" + annotation.getName() + " 的值必须是加英文引号的文字，如 @zh(\"…\")，不能是算式或调用"
                            + " / the value of @" + annotation.getName() + " must be text in quotes, like @zh(\"…\"), not an expression"));
                }
            }
        }
    }

    private void attribute(AttributeDescr attribute) {
        String name = attribute.getName();
        if ("dialect".equals(name) && !"java".equals(attribute.getValue())) {
            dialect(attribute);
        } else if (REFUSED_ATTRIBUTES.contains(name)) {
            refuse(attribute, name);
        } else if (LITERAL_ATTRIBUTES.contains(name) && !LITERAL.matcher(String.valueOf(attribute.getValue()).strip()).matches()) {
            problems.add(at(attribute, name + " 只能写数字或 true/false，不能是算式 / " + name + " must be a number or true/false, not an expression"));
        }
    }

    private void conditions(BaseDescr descr) {
        if (descr instanceof PatternDescr pattern) {
            pattern(pattern);
        } else if (descr instanceof EvalDescr) {
            return; // compiled to Java, checked with the consequences
        } else if (descr instanceof ConditionalElementDescr group) {
            group.getDescrs().forEach(this::conditions);
        }
    }

    private void pattern(PatternDescr pattern) {
        if (!StaffVocabulary.matchable(pattern.getObjectType())) {
            problems.add(at(pattern, "条件只能匹配规则可用的数据（Enterprise、Project、Tables、CriterionOutcome、BenefitAmount），“"
                    + pattern.getObjectType() + "”不行 / conditions match only the engine's facts (Enterprise, Project, Tables, "
                    + "CriterionOutcome, BenefitAmount), not '" + pattern.getObjectType() + "'"));
        }
        if (pattern.getSource() != null && !(pattern.getSource() instanceof EntryPointDescr)) {
            problems.add(at(pattern.getSource(), "条件里不能用 from、accumulate、collect：计算请写在 then 里"
                    + " / conditions may not use from, accumulate or collect: compute in the then part"));
        }
        if (!pattern.getAnnotations().isEmpty()) refuse(pattern, "@" + pattern.getAnnotations().iterator().next().getName());
        for (BaseDescr constraint : pattern.getDescrs()) {
            String expression = constraint instanceof ExprConstraintDescr e ? e.getExpression()
                    : constraint instanceof BindingDescr b ? b.getExpression() : null;
            Pattern allowed = constraint instanceof BindingDescr ? BOUND_FIELD : COMPARISON;
            if (expression == null || !allowed.matcher(expression).matches()) {
                problems.add(at(constraint.getLine() > 0 ? constraint : pattern, "条件“" + (expression == null ? constraint.getText() : expression.strip())
                        + "”只能写“字段 比较 值”，如 measureId == \"GD-XSG-2025\"；调用和计算请写在 then 里"
                        + " / a condition may only compare a field with a value, like measureId == \"GD-XSG-2025\"; calls and arithmetic go in the then part"));
            }
        }
    }

    private void dialect(BaseDescr where) {
        problems.add(at(where, "规则只能用默认的 java 写法：dialect \"mvel\" 的代码不经检查，不允许"
                + " / rules use the default java dialect: dialect \"mvel\" code cannot be checked and is refused"));
    }

    private void refuse(BaseDescr where, String word) {
        problems.add(at(where, "“" + word + "”不在规则可用的写法之内，见 rules/README.md / '" + word
                + "' is not part of what rule files may use (rules/README.md)"));
    }

    /** Drools keeps no line for annotations: the first {@code needle} in code from {@code fromLine} (1-based) on. */
    private RuleProblem find(String needle, int fromLine, String message) {
        for (int i = Math.max(fromLine - 1, 0); i < lines.length; i++) {
            int column = lines[i].indexOf(needle);
            if (column >= 0) return new RuleProblem(file, i + 1, column + 1, message);
        }
        return new RuleProblem(file, Math.max(fromLine, 0), 0, message);
    }

    private RuleProblem at(BaseDescr where, String message) {
        return new RuleProblem(file, Math.max(where.getLine(), 0), Math.max(where.getColumn(), 0) + (where.getColumn() >= 0 ? 1 : 0), message);
    }
}
