package org.huiqi.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.Ulid;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleProblem;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.RuleSetCompiler;
import org.huiqi.rules.RuleSetException;
import org.huiqi.scenarios.ScenarioGate;
import org.jboss.logging.Logger;

/**
 * Impact runs started from the service, one at a time in the background. The draft is compiled
 * on its own, next to the serving rule set, which it never replaces: only a reload of the rules
 * directory does that. Finished jobs are kept (the last {@code policy.impact.jobs-kept}) so staff
 * can come back to the report.
 */
@ApplicationScoped
public class ImpactJobs {
    private static final Logger LOG = Logger.getLogger(ImpactJobs.class);
    /** Population names are file names in the configured folder, nothing more. */
    private static final String POPULATION_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*\\.ndjson";

    private final Path populations;
    private final int jobsKept;
    private final int threads;
    private final Evaluator evaluator;
    private final Validator validator;
    private final ObjectMapper json;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> daemon(r, "impact-job"));
    private final ExecutorService workers;
    private final Map<String, ImpactJob> jobs = new LinkedHashMap<>();

    public ImpactJobs(@ConfigProperty(name = "policy.impact.populations") Path populations,
                      @ConfigProperty(name = "policy.impact.jobs-kept") int jobsKept,
                      @ConfigProperty(name = "policy.impact.threads") int threads,
                      Evaluator evaluator, Validator validator, ObjectMapper json) {
        this.populations = populations;
        this.jobsKept = jobsKept;
        this.threads = Math.max(1, threads);
        this.evaluator = evaluator;
        this.validator = validator;
        this.json = json;
        this.workers = Executors.newFixedThreadPool(this.threads, r -> daemon(r, "impact-worker"));
    }

    /** The population files staff can choose from. */
    public List<String> populations() {
        if (!Files.isDirectory(populations)) return List.of();
        try (Stream<Path> files = Files.list(populations)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches(POPULATION_NAME)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** @throws IllegalArgumentException naming the problem, when the population is not one of {@link #populations()} */
    public ImpactJob start(RuleSet baseline, SortedMap<String, byte[]> draftFiles, String population, LocalDate asOf) {
        if (population == null || !populations().contains(population)) {
            throw new IllegalArgumentException("population '" + population + "' is not one of " + populations()
                    + " (files *.ndjson in policy.impact.populations)");
        }
        ImpactJob job = new ImpactJob(Ulid.next(), population, asOf, baseline.version(), Instant.now());
        synchronized (jobs) {
            jobs.put(job.id(), job);
            while (jobs.size() > jobsKept) jobs.remove(jobs.keySet().iterator().next());
        }
        runner.execute(() -> run(job, baseline, draftFiles));
        return job;
    }

    /** A draft given as changed files: the serving rule set's files, with these written over them and those deleted. */
    public static SortedMap<String, byte[]> overlay(RuleSet baseline, Map<String, byte[]> changed, List<String> deleted) {
        SortedMap<String, byte[]> files = new TreeMap<>(baseline.files().contents());
        deleted.forEach(files::remove);
        files.putAll(changed);
        return files;
    }

    public Optional<ImpactJob> job(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private void run(ImpactJob job, RuleSet baseline, SortedMap<String, byte[]> draftFiles) {
        job.running();
        RuleSet draft;
        try {
            // Only the draft's changed packages are compiled; the rest is copied from the baseline.
            draft = new RuleSetCompiler().compile(RuleFiles.of("draft", draftFiles), baseline);
        } catch (RuleSetException e) {
            job.failed(e.problems().stream().map(RuleProblem::toString).toList());
            return;
        }
        Path file = populations.resolve(job.population());
        ScenarioGate scenarios = new ScenarioGate(evaluator);
        try (InputStream in = Files.newInputStream(file)) {
            ImpactRun run = new ImpactRun(baseline, draft, job.asOf(), evaluator, json.reader(), validator, workers, threads);
            ImpactReport report = run.run(in, Files.size(file), Shard.ALL, side(baseline, scenarios), side(draft, scenarios), job::progress);
            job.done(report);
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "impact job %s failed", job.id());
            job.failed(List.of("the impact run stopped: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.failed(List.of("the impact run was interrupted (service stopping)"));
        }
    }

    private static ImpactReport.Side side(RuleSet ruleSet, ScenarioGate scenarios) {
        return new ImpactReport.Side(ruleSet.version(), ruleSet.measures().size(),
                scenarios.check(ruleSet).stream().map(RuleProblem::toString).toList());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        workers.shutdownNow();
    }
}
