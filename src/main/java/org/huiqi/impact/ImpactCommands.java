package org.huiqi.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.huiqi.api.Evaluations;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.profile.ProfileJson;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleProblem;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.RuleSetCompiler;
import org.huiqi.rules.RuleSetException;
import org.huiqi.evaluation.EvaluationLimits;
import org.huiqi.scenarios.ScenarioGate;

/**
 * The policy-impact commands, run from the packaged application without the HTTP server:
 * <pre>
 * population --seed N --size N [--from I] [--to J] [--out FILE]
 * impact --baseline DIR --draft DIR --population FILE [--format text|json|html] [--out FILE] [--as-of DATE] [--shard I/N]
 * impact merge FILE... [--format text|json|html] [--out FILE]
 * </pre>
 * Exit code 0 when the report was written, 1 when a rule set does not build (its errors by file
 * and line) or a partial report does not fit, 2 for a usage error. Progress goes to stderr.
 */
public final class ImpactCommands {
    public static final List<String> NAMES = List.of("population", "impact");
    static final String USAGE = """
            usage: population --seed N --size N [--from I] [--to J] [--out FILE]
                   impact --baseline DIR --draft DIR --population FILE [--format text|json|html] [--out FILE] [--as-of YYYY-MM-DD] [--shard I/N]
                   impact merge REPORT.json... [--format text|json|html] [--out FILE]""";

    private final PrintStream out;
    private final PrintStream err;

    private ImpactCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        ImpactCommands commands = new ImpactCommands(out, err);
        try {
            if (args[0].equals("population")) return commands.population(options(args, 1));
            if (args.length > 1 && args[1].equals("merge")) return commands.merge(args);
            return commands.impact(options(args, 1));
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int population(Map<String, String> options) throws IOException {
        long seed = number(options, "--seed", null);
        long size = number(options, "--size", null);
        if (size < PopulationGenerator.MIN_SIZE || size > PopulationGenerator.MAX_SIZE) {
            throw new UsageException("--size must be from " + PopulationGenerator.MIN_SIZE + " to " + PopulationGenerator.MAX_SIZE);
        }
        long from = number(options, "--from", 0L);
        long to = number(options, "--to", size);
        if (from < 0 || to > size || from > to) throw new UsageException("--from and --to must satisfy 0 <= from <= to <= size");
        try (OutputStream target = output(options)) {
            PopulationGenerator.write(seed, from, to, target);
        }
        err.println("wrote " + (to - from) + " synthetic enterprises (seed " + seed + ")");
        return 0;
    }

    private int impact(Map<String, String> options) throws IOException, InterruptedException {
        Path baselineDir = directory(options, "--baseline");
        Path draftDir = directory(options, "--draft");
        Path population = Path.of(required(options, "--population"));
        if (!Files.isRegularFile(population)) throw new UsageException(population + ": no such file");
        ReportFormat format = ReportFormat.of(options.getOrDefault("--format", "text"));
        LocalDate asOf = date(options.get("--as-of"));
        Shard shard = Shard.parse(options.get("--shard"));

        RuleSet baseline = build("baseline", baselineDir, null);
        // A draft is usually a few files changed: compile those, copy the rest from the baseline.
        RuleSet draft = build("draft", draftDir, baseline);
        if (baseline == null || draft == null) return 1;
        Evaluator evaluator = new Evaluator(EvaluationLimits.configured());
        ScenarioGate scenarios = new ScenarioGate(evaluator);
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        ImpactReport report;
        try (InputStream in = Files.newInputStream(population)) {
            ImpactRun run = new ImpactRun(baseline, draft, asOf, evaluator, json().reader(), validator(), pool, cores);
            report = run.run(in, Files.size(population), shard,
                    side(baseline, scenarios), side(draft, scenarios), this::progress);
        } finally {
            pool.shutdown();
        }
        write(report, format, options);
        return 0;
    }

    private int merge(String[] args) throws IOException {
        List<Path> parts = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) throw new UsageException(args[i] + " needs a value");
                options.put(args[i], args[++i]);
            } else {
                parts.add(Path.of(args[i]));
            }
        }
        if (parts.isEmpty()) throw new UsageException("impact merge needs the partial JSON reports to merge");
        ObjectMapper json = json();
        List<ImpactReport> reports = new ArrayList<>();
        for (Path part : parts) reports.add(json.readValue(part.toFile(), ImpactReport.class));
        ImpactReport merged;
        try {
            merged = ImpactMerge.merge(reports);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        write(merged, ReportFormat.of(options.getOrDefault("--format", "json")), options);
        return 0;
    }

    private void write(ImpactReport report, ReportFormat format, Map<String, String> options) throws IOException {
        try (OutputStream target = output(options)) {
            format.write(report, json(), target);
        }
        if (options.containsKey("--out")) err.println("report written to " + options.get("--out"));
    }

    private RuleSet build(String label, Path dir, RuleSet from) {
        try {
            return new RuleSetCompiler().compile(RuleFiles.read(dir), from);
        } catch (RuleSetException e) {
            String prefix = dir.toString().endsWith("/") ? dir.toString() : dir + "/";
            err.println("the " + label + " rule set does not build:");
            e.problems().forEach(p -> err.println(prefix + p));
            return null;
        }
    }

    private static ImpactReport.Side side(RuleSet ruleSet, ScenarioGate scenarios) {
        return new ImpactReport.Side(ruleSet.version(), ruleSet.measures().size(),
                scenarios.check(ruleSet).stream().map(RuleProblem::toString).toList());
    }

    private void progress(ImpactRun.Progress p) {
        long eta = p.etaSeconds();
        err.printf("%,d profiles, %,.0f/s%s%n", p.done(), p.perSecond(),
                eta < 0 ? "" : String.format(", ETA %dm%02ds", eta / 60, eta % 60));
    }

    /** The JSON settings of the API, so a report reads back as it was written. */
    static ObjectMapper json() {
        return ProfileJson.configure(new ObjectMapper());
    }

    /** Bean Validation without Quarkus: the same annotations as the API, messages without EL. */
    private static Validator validator() {
        return Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }

    private OutputStream output(Map<String, String> options) throws IOException {
        String file = options.get("--out");
        if (file == null) {
            return new BufferedOutputStream(new java.io.FilterOutputStream(out) {
                @Override
                public void close() throws IOException {
                    flush(); // stdout stays open for whoever prints next
                }
            });
        }
        return new BufferedOutputStream(Files.newOutputStream(Path.of(file)));
    }

    private static Map<String, String> options(String[] args, int from) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new UsageException("unexpected argument '" + args[i] + "'");
            if (i + 1 >= args.length) throw new UsageException(args[i] + " needs a value");
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) throw new UsageException(name + " is required");
        return value;
    }

    private static Path directory(Map<String, String> options, String name) {
        Path dir = Path.of(required(options, name));
        if (!Files.isDirectory(dir)) throw new UsageException(name + " " + dir + ": no such directory");
        return dir;
    }

    private static long number(Map<String, String> options, String name, Long fallback) {
        String value = fallback == null ? required(options, name) : options.get(name);
        if (value == null) return fallback;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static LocalDate date(String value) {
        if (value == null) return Evaluations.today();
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of must be a date (YYYY-MM-DD), not '" + value + "'");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
