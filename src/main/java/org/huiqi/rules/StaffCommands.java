package org.huiqi.rules;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.RuleFiringLimit;
import org.huiqi.scenarios.ScenarioGate;
import org.huiqi.scenarios.ScenarioRunner;

/**
 * The offline commands staff and pre-commit hooks run from the packaged application, without
 * starting the HTTP server: {@code validate [DIR]} compiles a rules directory and lists every
 * error as {@code file:line:column: message}; {@code test [DIR]} also runs its scenarios.
 * Exit code 0 when all is well, 1 when anything is wrong, 2 for a usage error.
 */
public final class StaffCommands {
    public static final List<String> NAMES = List.of("validate", "test");

    private StaffCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length > 2) {
            out.println("usage: validate [DIR] | test [DIR]   (DIR defaults to ./rules)");
            return 2;
        }
        Path dir = Path.of(args.length == 2 ? args[1] : "rules");
        if (!Files.isDirectory(dir)) {
            out.println(dir + ": no such directory");
            return 2;
        }
        String prefix = dir.toString().endsWith("/") ? dir.toString() : dir + "/";
        RuleSet ruleSet;
        try {
            ruleSet = new RuleSetCompiler().compile(RuleFiles.read(dir));
        } catch (RuleSetException e) {
            e.problems().forEach(p -> out.println(prefix + p));
            out.println(e.problems().size() + " error(s); the rule set would not be activated");
            return 1;
        }
        if (args[0].equals("validate")) {
            out.println("OK: " + ruleSet.measures().size() + " measures compiled, version " + ruleSet.version());
            return 0;
        }
        return test(ruleSet, prefix, out);
    }

    private static int test(RuleSet ruleSet, String prefix, PrintStream out) {
        List<RuleProblem> unreadable = new ArrayList<>();
        List<ScenarioRunner.Outcome> outcomes = new ScenarioGate(new Evaluator(RuleFiringLimit.configured())).runAll(ruleSet, unreadable);
        unreadable.forEach(p -> out.println("FAIL " + prefix + p));
        for (ScenarioRunner.Outcome outcome : outcomes) {
            out.println((outcome.passed() ? "PASS " : "FAIL ") + prefix + outcome.scenario().file() + ": " + outcome.scenario().name());
            outcome.mismatches().forEach(m -> out.println("    " + m));
        }
        long passed = outcomes.stream().filter(ScenarioRunner.Outcome::passed).count();
        long failed = outcomes.size() - passed + unreadable.size();
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
