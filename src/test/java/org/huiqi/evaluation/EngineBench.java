package org.huiqi.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.huiqi.api.JsonSettings;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.RuleSetCompiler;
import org.huiqi.scenarios.Scenario;
import org.huiqi.scenarios.ScenarioFiles;
import org.huiqi.scenarios.ScenarioGate;
import org.jboss.logmanager.LogContext;

/**
 * The in-process half of bench/run.sh (not a test): builds a catalog, runs its scenario gate, and
 * evaluates the scenarios' profiles in a warmed loop, timing facts, Drools, assembly and JSON
 * apart, in CPU time of the thread (so a busy machine slows the run but hardly the figures). Prints one line of "key=value" for the script's table.
 *
 * <p>{@code java -cp ... org.huiqi.evaluation.EngineBench RULES_DIR [SECONDS [POPULATION.ndjson]]}: the profiles of a
 * population when given (what a registry run evaluates), else those of every scenario of the catalog.
 */
public final class EngineBench {
    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        // The service logs at INFO (quarkus.log.level); a plain JVM's JBoss LogManager enables TRACE,
        // and Drools' trace messages would then be formatted on every insert and firing.
        LogContext.getSystemLogContext().getLogger("").setLevel(Level.INFO);
        Path dir = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        Evaluator evaluator = new Evaluator(EvaluationLimits.DEFAULT);

        long t0 = System.nanoTime();
        RuleSet ruleSet = new RuleSetCompiler().compile(RuleFiles.read(dir));
        long built = System.nanoTime();
        List<?> problems = new ScenarioGate(evaluator).check(ruleSet);
        long gated = System.nanoTime();
        if (!problems.isEmpty()) throw new IllegalStateException("scenario gate failed: " + problems.get(0));
        long heap = usedHeapAfterGc();

        // One-file reload: the same path a staff edit takes (read, rebuild of the changed package, gate), after a comment is added.
        Path edited = Files.walk(dir).filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        byte[] original = Files.readAllBytes(edited);
        long reload;
        try {
            Files.write(edited, (new String(original, StandardCharsets.UTF_8) + "\n// bench edit\n").getBytes(StandardCharsets.UTF_8));
            long r0 = System.nanoTime();
            RuleSet again = new RuleSetCompiler().compile(RuleFiles.read(dir), ruleSet);
            if (!new ScenarioGate(evaluator).check(again, ruleSet).isEmpty()) throw new IllegalStateException("gate failed after edit");
            reload = System.nanoTime() - r0;
        } finally {
            Files.write(edited, original);
        }

        // The profiles: a population's (NDJSON batch items, evaluated on 2025-06-01) when given, else every scenario's.
        List<Scenario> scenarios = args.length > 2 ? population(Path.of(args[2])) : new ScenarioFiles().read(ruleSet.files());
        ObjectMapper json = new ObjectMapper();
        new JsonSettings().customize(json);

        long[] parts = new long[4];
        long n = 0;
        long bytes = 0;
        long results = 0;
        int mostResults = 0;
        long until = System.nanoTime() + (long) (seconds * 1e9);
        boolean warm = false;
        long warmUntil = System.nanoTime() + (long) (seconds * 0.3e9);
        // The clock is read per profile: at 1,040 measures one pass over every scenario profile takes minutes.
        measuring:
        while (true) {
            for (Scenario s : scenarios) {
                if (n > 0 && System.nanoTime() >= until) break measuring;
                if (!warm && System.nanoTime() > warmUntil) warm = true;
                long a = cpu();
                new Enterprise(s.profile(), s.asOf(), ruleSet.places()).projects();
                long b = cpu();
                Evaluation evaluation = evaluator.evaluate(ruleSet, s.asOf(), s.profile(), s.explainAll());
                long c = cpu();
                byte[] out = json.writeValueAsBytes(evaluation);
                long d = cpu();
                if (warm) {
                    parts[0] += b - a;
                    parts[1] += c - b;
                    parts[3] += d - c;
                    bytes += out.length;
                    results += evaluation.results().size();
                    mostResults = Math.max(mostResults, evaluation.results().size());
                    n++;
                }
            }
        }
        // Assembly alone, on (at most one pass of) the profiles measured, to split evaluate() into Drools and assembly.
        long assembly = 0;
        int m = 0;
        for (Scenario s : scenarios.subList(0, (int) Math.min(scenarios.size(), n))) {
            // The measures an evaluation of this profile skips: assembling the whole catalog's results is not what an answer costs.
            Evaluator.Facts facts = evaluator.run(ruleSet, s.asOf(), s.profile(), evaluator.skipped(ruleSet, s.asOf(), s.profile(), s.explainAll()));
            long a = cpu();
            new ResultAssembler(ruleSet, s.asOf(), s.explainAll()).assemble(facts);
            assembly += cpu() - a;
            m++;
        }
        double facts = parts[0] / 1e3 / n;
        double evaluate = parts[1] / 1e3 / n;
        double assemble = assembly / 1e3 / m;
        System.out.printf(Locale.ROOT, "measures=%d profiles=%d build_ms=%d gate_ms=%d heap_mb=%d reload_ms=%d "
                        + "per_profile_us=%.0f facts_us=%.0f drools_us=%.0f assembly_us=%.0f json_us=%.0f answer_kb=%.1f "
                        + "results=%.1f results_max=%d%n",
                ruleSet.measures().size(), n, (built - t0) / 1_000_000, (gated - built) / 1_000_000, heap >> 20,
                reload / 1_000_000, facts + evaluate + parts[3] / 1e3 / n, facts, Math.max(0, evaluate - facts - assemble),
                assemble, parts[3] / 1e3 / n, bytes / 1024.0 / n, (double) results / n, mostResults);
    }

    /** The profiles of an NDJSON population (bench/populations, or `population --seed 1`), as unnamed scenarios. */
    private static List<Scenario> population(Path file) throws java.io.IOException {
        ObjectMapper mapper = ProfileJson.configure(new ObjectMapper());
        LocalDate asOf = LocalDate.of(2025, 6, 1);
        List<Scenario> profiles = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            Profile profile = mapper.convertValue(mapper.readTree(line).get("profile"), Profile.class);
            profiles.add(new Scenario(file.toString(), profiles.size() + 1, "", asOf, false, profile, java.util.Map.of()));
        }
        return profiles;
    }

    /** CPU time of this thread: what one evaluation costs, whatever else the machine is doing. */
    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
