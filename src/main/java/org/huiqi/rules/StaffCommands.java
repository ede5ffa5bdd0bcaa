package org.huiqi.rules;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.huiqi.evaluation.EvaluationLimits;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.scenarios.Scenario;
import org.huiqi.scenarios.ScenarioFiles;
import org.huiqi.scenarios.ScenarioGate;
import org.huiqi.scenarios.ScenarioRunner;
import org.huiqi.scenarios.SmokeSweep;

/**
 * The offline commands staff and pre-commit hooks run from the packaged application, without
 * starting the HTTP server:
 * <ul>
 * <li>{@code validate [DIR]}: compiles a rules directory and checks everything that needs no
 * evaluation (codes, ids, tables, dates, inputs, scenario files, {@value StaffChecks#MARKER}
 * markers), then runs the reload's smoke sweep ({@link SmokeSweep}), printing each problem as
 * {@code file:line:column: message};</li>
 * <li>{@code test [DIR] [--only FILE]}: validates, then runs the scenarios (of one rule file's
 * measures with {@code --only});</li>
 * <li>{@code new PATH --id ID --region CODE [--dir DIR]}: writes a new measure's skeleton.</li>
 * </ul>
 * Exit code 0 when all is well, 1 when anything is wrong, 2 for a usage error.
 */
public final class StaffCommands {
    public static final List<String> NAMES = List.of("validate", "test", "new");
    static final String USAGE = """
            用法 / usage:
              validate [DIR]                                   检查规则目录（默认 ./rules）
              test [DIR] [--only FILE]                         检查并运行场景测试
              new PATH --id ID --region CODE [--dir DIR]       新建措施文件和场景文件""";

    private StaffCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (!Files.isDirectory(a.dir())) {
            out.println(a.dir() + "：目录不存在 / no such directory");
            return 2;
        }
        if (a.command().equals("new")) return scaffold(a, out);
        String prefix = a.dir().toString().endsWith("/") ? a.dir().toString() : a.dir() + "/";
        RuleFiles files;
        try {
            files = RuleFiles.read(a.dir());
        } catch (RuleSetException e) {
            // Files that cannot be read (not UTF-8, too large, a link out of the directory): nothing else can be checked.
            e.problems().forEach(p -> out.println(prefix + p));
            out.println(e.problems().size() + " 个问题，规则不会生效 / " + e.problems().size() + " problem(s); the rule set would not be activated");
            return 1;
        }
        RuleSet ruleSet = null;
        List<RuleProblem> problems = new ArrayList<>();
        try {
            ruleSet = new RuleSetCompiler().compile(files);
        } catch (RuleSetException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(ruleSet == null ? StaffChecks.check(files) : StaffChecks.check(ruleSet));
        ScenarioFiles scenarioFiles = new ScenarioFiles(ruleSet);
        List<Scenario> scenarios = scenarioFiles.read(files);
        problems.addAll(scenarioFiles.problems());
        problems.addAll(DeploymentListing.check(a.dir(), files));
        problems = oneCauseOnce(problems);
        // The reload's smoke gate, run the same way: a rule that fails on a swept profile never serves.
        if (problems.isEmpty()) problems = new SmokeSweep(new Evaluator(EvaluationLimits.configured())).check(ruleSet, null);
        if (!problems.isEmpty()) {
            problems.forEach(p -> out.println(prefix + p));
            out.println(problems.size() + " 个问题，规则不会生效 / " + problems.size() + " problem(s); the rule set would not be activated"
                    + (a.command().equals("test") ? "; scenarios not run" : ""));
            return 1;
        }
        if (a.command().equals("validate")) {
            out.println("OK: " + ruleSet.measures().size() + " 个措施编译通过，读取 " + scenarios.size() + " 个场景，版本 " + ruleSet.version()
                    + " / " + ruleSet.measures().size() + " measures compiled, " + scenarios.size() + " scenarios read");
            return 0;
        }
        Predicate<Scenario> selected = s -> true;
        if (a.only() != null) {
            String only = relative(a.dir(), a.only());
            Set<String> measures = ruleSet.measures().values().stream().filter(m -> m.file().equals(only)).map(Measure::id)
                    .collect(Collectors.toSet());
            if (measures.isEmpty()) {
                out.println(only + "：这个文件没有声明措施 / declares no measure");
                return 2;
            }
            String own = only.substring(0, only.length() - ".drl".length()) + ScenarioFiles.SUFFIX;
            selected = s -> s.file().equals(own) || s.expect().keySet().stream()
                    .anyMatch(key -> measures.contains(key.contains("@") ? key.substring(0, key.indexOf('@')) : key));
        }
        return test(ruleSet, scenarios.stream().filter(selected).toList(), prefix, out);
    }

    /** A problem on a line that still has a placeholder is that placeholder's echo. */
    private static List<RuleProblem> oneCauseOnce(List<RuleProblem> problems) {
        Set<String> markerLines = problems.stream().filter(StaffChecks::isMarker)
                .map(p -> p.file() + ":" + p.line()).collect(Collectors.toSet());
        List<RuleProblem> kept = new ArrayList<>(new LinkedHashSet<>(problems.stream()
                .filter(p -> StaffChecks.isMarker(p) || !markerLines.contains(p.file() + ":" + p.line()))
                .toList()));
        kept.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        return kept;
    }

    private static String relative(Path dir, String file) {
        String path = file.endsWith(".drl") ? file : file + ".drl";
        Path given = Path.of(path);
        if (given.isAbsolute() || Files.exists(given)) {
            Path absolute = given.toAbsolutePath().normalize();
            Path root = dir.toAbsolutePath().normalize();
            if (absolute.startsWith(root)) return root.relativize(absolute).toString().replace('\\', '/');
        }
        return path;
    }

    private static int test(RuleSet ruleSet, List<Scenario> scenarios, String prefix, PrintStream out) {
        List<ScenarioRunner.Outcome> outcomes = new ScenarioGate(new Evaluator(EvaluationLimits.configured())).run(ruleSet, scenarios);
        for (ScenarioRunner.Outcome outcome : outcomes) {
            out.println((outcome.passed() ? "PASS " : "FAIL ") + prefix + outcome.scenario().file() + ":" + outcome.scenario().line()
                    + ": " + outcome.scenario().name());
            outcome.mismatches().forEach(m -> out.println("    " + m));
        }
        long passed = outcomes.stream().filter(ScenarioRunner.Outcome::passed).count();
        // Chinese first; the English line stays last, where scripts and the guide look for it
        out.println("场景通过 " + passed + " 个，未通过 " + (outcomes.size() - passed) + " 个");
        out.println(passed + " passed, " + (outcomes.size() - passed) + " failed");
        return passed == outcomes.size() ? 0 : 1;
    }

    private static int scaffold(Arguments a, PrintStream out) {
        try {
            List<String> written = Scaffold.write(a.dir(), a.path(), a.id(), a.region());
            String prefix = a.dir().toString().endsWith("/") ? a.dir().toString() : a.dir() + "/";
            written.forEach(f -> out.println("已创建 / written: " + prefix + f));
            out.println("下一步：把每个“" + StaffChecks.MARKER + "”按政策原文填好，然后运行 validate 和 test --only " + written.get(0)
                    + " / next: fill in every " + StaffChecks.MARKER + ", then run validate and test --only " + written.get(0));
            return 0;
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    /** The command line: a command, a directory, and the options of {@code test --only} and {@code new}. */
    private record Arguments(String command, Path dir, String only, String path, String id, String region) {
        static Arguments parse(String[] args) {
            String command = args[0];
            List<String> positional = new ArrayList<>();
            String only = null;
            String id = null;
            String region = null;
            String dir = null;
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    if (i + 1 >= args.length) throw new IllegalArgumentException(arg + " 后面缺少值 / needs a value");
                    String value = args[++i];
                    switch (arg) {
                        case "--only" -> only = value;
                        case "--id" -> id = value;
                        case "--region" -> region = value;
                        case "--dir" -> dir = value;
                        default -> throw new IllegalArgumentException("未知选项 / unknown option " + arg);
                    }
                } else {
                    positional.add(arg);
                }
            }
            if (command.equals("new")) {
                if (positional.size() != 1 || id == null || region == null) {
                    throw new IllegalArgumentException("new 需要文件位置、--id 和 --region / new needs PATH, --id and --region");
                }
                return new Arguments(command, Path.of(dir == null ? "rules" : dir), null, positional.get(0), id, region);
            }
            if (positional.size() > 1 || dir != null || id != null || region != null || (only != null && command.equals("validate"))) {
                throw new IllegalArgumentException("参数不对 / unexpected arguments");
            }
            return new Arguments(command, Path.of(positional.isEmpty() ? "rules" : positional.get(0)), only, null, null, null);
        }
    }
}
