package org.huiqi.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Keeps what a rule file can do inside the staff vocabulary (docs/architecture.md, "Staff code"):
 * the parts Drools interprets are checked on the parsed files before anything is compiled
 * ({@link RuleSourceCheck}), the Java it compiles is checked as bytecode before the rule set can
 * serve ({@link CompiledCodeCheck}). Both run in every build — {@code validate}, start, reload and
 * impact drafts — and report by file, line and column in the staff's words.
 */
final class StaffCode {
    private static final String INVOKER = "DefaultConsequenceInvoker";

    private StaffCode() {
    }

    /** Refuses what must never reach the compiler. */
    static void beforeCompile(RuleFiles files, List<String> drl) {
        List<RuleProblem> problems = RuleSourceCheck.check(files, drl);
        if (!problems.isEmpty()) throw new RuleSetException(problems);
    }

    /** Refuses compiled code that uses anything outside the vocabulary, before a KieBase takes it in. */
    static void afterCompile(Collection<? extends KiePackage> packages, RuleFiles files) {
        Map<String, byte[]> bytecode = new HashMap<>();
        Map<String, Rule> ruleOfClass = new HashMap<>();
        for (KiePackage pkg : packages) {
            InternalKnowledgePackage internal = (InternalKnowledgePackage) pkg;
            if (internal.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java) {
                java.getStore().forEach((path, bytes) -> bytecode.put(path.replaceFirst("\\.class$", ""), bytes));
            }
            for (Rule rule : pkg.getRules()) {
                Object consequence = ((RuleImpl) rule).getConsequence();
                if (consequence == null) continue;
                String invoker = consequence.getClass().getName().replace('.', '/');
                if (invoker.endsWith(INVOKER)) ruleOfClass.put(invoker.substring(0, invoker.length() - INVOKER.length()), rule);
            }
        }
        List<RuleProblem> located = new ArrayList<>();
        for (CompiledCodeCheck.Breach breach : CompiledCodeCheck.check(bytecode)) {
            located.add(locate(breach, ruleOfClass.get(breach.owner()), files));
        }
        // What Drools writes for its macros (update's property masks) has no place in the text:
        // it is left out where the macro itself was placed.
        List<RuleProblem> problems = new ArrayList<>(located.stream()
                .filter(p -> p.column() > 0 || located.stream().noneMatch(q -> q.file().equals(p.file()) && q.column() > 0))
                .distinct().toList());
        problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        if (!problems.isEmpty()) throw new RuleSetException(problems);
    }

    private static RuleProblem locate(CompiledCodeCheck.Breach breach, Rule rule, RuleFiles files) {
        String message = message(breach);
        String file;
        int[] range;
        if (rule != null) {
            file = ((RuleImpl) rule).getResource() == null ? "" : sourcePath(((RuleImpl) rule).getResource().getSourcePath());
            range = file.isEmpty() ? null : range(files.text(file), Pattern.compile("^\\s*rule\\s+\"" + Pattern.quote(rule.getName()) + "\""));
        } else {
            String function = CompiledCodeCheck.simpleName(breach.owner());
            function = Character.toLowerCase(function.charAt(0)) + function.substring(1);
            Pattern header = Pattern.compile("^\\s*function\\b.*\\b" + Pattern.quote(function) + "\\s*\\(");
            file = "";
            range = null;
            for (String path : files.withSuffix(".drl")) {
                range = range(files.text(path), header);
                if (range != null) {
                    file = path;
                    break;
                }
            }
        }
        if (range == null) return new RuleProblem(file, 0, 0, message);
        String[] lines = SourceScan.code(files.text(file), true).split("\n", -1);
        Pattern token = Pattern.compile(breach.token());
        for (int i = range[0]; i <= range[1] && i < lines.length; i++) {
            Matcher m = token.matcher(lines[i]);
            if (m.find()) return new RuleProblem(file, i + 1, m.start() + 1, message);
        }
        return new RuleProblem(file, range[0] + 1, 0, message);
    }

    /** The lines (0-based, inclusive) from the header matching {@code header} to its {@code end} or the next block. */
    private static int[] range(String text, Pattern header) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!header.matcher(lines[i]).find()) continue;
            int end = i + 1;
            while (end < lines.length && !lines[end].matches("\\s*(end|rule|function|query)\\b.*")) end++;
            return new int[] {i, Math.min(end, lines.length - 1)};
        }
        return null;
    }

    private static String sourcePath(String path) {
        return path.startsWith(RuleSetCompiler.RESOURCES) ? path.substring(RuleSetCompiler.RESOURCES.length()) : path;
    }

    static String message(CompiledCodeCheck.Breach breach) {
        String what = breach.what();
        return switch (breach.kind()) {
            case LOOP -> "规则里不能写循环（for、while、do）：每条规则只判断一次，几项中满足一项或全部满足请用 anyOf/allOf"
                    + " / rules may not loop (for, while, do): a rule decides once; list alternatives with anyOf/allOf";
            case RECURSION -> "函数“" + what + "”调用了自己（直接或经由其他函数）：规则里的函数不能递归"
                    + " / function '" + what + "' calls itself (directly or through another function): functions in rules may not recurse";
            case ENGINE -> "规则不能自己插入或改动数据（insert、update、modify、delete）：结论只用 decide 与 award 给出"
                    + " / rules may not insert or change facts (insert, update, modify, delete): conclusions are given with decide and award";
            case TRY -> "规则里不能写 try/catch：出错的措施会显示为无法判断 / rules may not use try/catch";
            case THROW -> "规则里不能写 throw / rules may not throw";
            case LOCK -> "规则里不能写 synchronized / rules may not use synchronized";
            case LAMBDA -> "规则里不能写 lambda（->）或方法引用（::） / rules may not use lambdas (->) or method references (::)";
            case CLASS_LITERAL -> "规则里不能写 .class / rules may not use .class";
            case ARRAY -> "规则里不能建数组 / rules may not create arrays";
            case FIELD, OUTSIDE -> "“" + what + "”不在规则可用的写法之内：规则只能判断（decide）、给出金额（award）、查表、读企业和项目数据、做算术，见 rules/README.md"
                    + " / '" + what + "' is outside what rules may use: deciding, awarding, table lookups, the enterprise's and projects' data and arithmetic (rules/README.md)";
        };
    }
}
