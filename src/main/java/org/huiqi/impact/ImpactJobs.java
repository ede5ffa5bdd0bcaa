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
import java.util.Iterator;
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
import org.huiqi.scenarios.ScenarioRunner;
import org.jboss.logging.Logger;

/**
 * Impact runs started from the service, one at a time in the background. The draft is compiled
 * on its own, next to the serving rule set, which it never replaces: only a reload of the rules
 * directory does that. Finished jobs are kept (the last {@code policy.impact.jobs-kept}) so staff
 * can come back to the report; each is seen only by the client that started it.
 *
 * <p>Memory is what bounds this in a 600 MB pod: a run waiting holds its whole draft, so at most
 * {@code policy.impact.max-queued} runs may be waiting or running (another is refused, {@link Full}),
 * and a kept report lists at most {@code policy.impact.max-changes-listed} changes.
 */
@ApplicationScoped
public class ImpactJobs {
    private static final Logger LOG = Logger.getLogger(ImpactJobs.class);
    /** Population names are file names in the configured folder, nothing more. */
    private static final String POPULATION_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*\\.ndjson";

    private final Path populations;
    private final int jobsKept;
    private final int maxQueued;
    private final int changesListed;
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
                      @ConfigProperty(name = "policy.impact.max-queued", defaultValue = "4") int maxQueued,
                      @ConfigProperty(name = "policy.impact.max-changes-listed", defaultValue = "10000") int changesListed,
                      Evaluator evaluator, Validator validator, ObjectMapper json) {
        this.populations = populations;
        this.jobsKept = jobsKept;
        this.maxQueued = Math.max(1, maxQueued);
        this.changesListed = changesListed;
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

    /** Refused: {@code policy.impact.max-queued} runs are already waiting or running. */
    public static final class Full extends RuntimeException {
        private final int limit;

        Full(String message, int limit) {
            super(message, null, false, false);
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    /**
     * Queues a run for {@code owner}, the client that alone may see it.
     *
     * @throws IllegalArgumentException naming the problem, when the population is not one of {@link #populations()}
     * @throws Full when {@code policy.impact.max-queued} runs are waiting or running
     */
    public ImpactJob start(RuleSet baseline, SortedMap<String, byte[]> draftFiles, String population, LocalDate asOf, String owner) {
        if (population == null || !populations().contains(population)) {
            throw new IllegalArgumentException("population '" + population + "' is not one of " + populations()
                    + " (files *.ndjson in policy.impact.populations)");
        }
        ImpactJob job = new ImpactJob(Ulid.next(), owner, population, asOf, baseline.version(), Instant.now());
        synchronized (jobs) {
            checkRoom();
            jobs.put(job.id(), job);
            // Only finished runs make way: a waiting one must not vanish while its starter polls for it.
            Iterator<ImpactJob> oldest = jobs.values().iterator();
            for (int over = jobs.size() - jobsKept; over > 0 && oldest.hasNext(); ) {
                if (!oldest.next().unfinished()) {
                    oldest.remove();
                    over--;
                }
            }
        }
        runner.execute(() -> run(job, baseline, draftFiles));
        return job;
    }

    /**
     * @throws Full when {@code policy.impact.max-queued} runs are waiting or running: asked before the
     *         draft is read too, so a refused run does not cost its upload's memory first
     */
    public void checkRoom() {
        synchronized (jobs) {
            long unfinished = jobs.values().stream().filter(ImpactJob::unfinished).count();
            if (unfinished >= maxQueued) {
                throw new Full(unfinished + " impact runs are waiting or running, the most there may be (policy.impact.max-queued)", maxQueued);
            }
        }
    }

    /** A draft given as changed files: the serving rule set's files, with these written over them and those deleted. */
    public static SortedMap<String, byte[]> overlay(RuleSet baseline, Map<String, byte[]> changed, List<String> deleted) {
        SortedMap<String, byte[]> files = new TreeMap<>(baseline.files().contents());
        deleted.forEach(files::remove);
        files.putAll(changed);
        return files;
    }

    /** The run, if {@code owner} started it: another client's run is as unknown as one never started. */
    public Optional<ImpactJob> job(String id, String owner) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner().equals(owner));
        }
    }

    private void run(ImpactJob job, RuleSet baseline, SortedMap<String, byte[]> draftFiles) {
        job.running();
        RuleSet draft;
        try {
            // Only the draft's changed packages are compiled; the rest is copied from the baseline.
            draft = new RuleSetCompiler().compile(RuleFiles.of("draft", draftFiles), baseline);
        } catch (RuleSetException e) {
            // Compile errors are the staff's file:line messages about their own text: shown as they are.
            job.failed(e.problems().stream().map(RuleProblem::toString).toList());
            return;
        } catch (RuntimeException | Error e) {
            // Whatever the draft's code throws, an Error too, ends this run only: a run left RUNNING would hold its place for good.
            fail(job, e);
            return;
        }
        Path file = populations.resolve(job.population());
        ScenarioGate scenarios = new ScenarioGate(evaluator);
        try (InputStream in = Files.newInputStream(file)) {
            ImpactRun run = new ImpactRun(baseline, draft, job.asOf(), evaluator, json.reader(), validator, workers, threads, changesListed);
            ImpactReport report = run.run(in, Files.size(file), Shard.ALL, side(job, baseline, scenarios), side(job, draft, scenarios),
                    job::progress);
            job.done(report);
        } catch (IOException e) {
            LOG.warnf(e, "impact job %s: population %s not readable", job.id(), job.population());
            job.failed(List.of("the impact run stopped: the population could not be read; the service log has the details"));
        } catch (RuntimeException | Error e) {
            fail(job, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.failed(List.of("the impact run was interrupted (service stopping)"));
        }
    }

    /** What the draft's code threw may carry any text it chose: the job shows the rule at most, the log the rest. */
    private static void fail(ImpactJob job, Throwable e) {
        String failure = RuleFailure.describe(e);
        LOG.warnf(e, "impact job %s failed: %s", job.id(), failure);
        job.failed(List.of("the impact run stopped: " + failure));
    }

    private static ImpactReport.Side side(ImpactJob job, RuleSet ruleSet, ScenarioGate scenarios) {
        List<String> failures = scenarios.check(ruleSet).stream().map(RuleProblem::toString).toList();
        if (!failures.isEmpty()) LOG.infof("impact job %s: rule set %s fails scenarios:%n%s", job.id(), ruleSet.version(), String.join("\n", failures));
        return new ImpactReport.Side(ruleSet.version(), ruleSet.measures().size(),
                failures.stream().map(ScenarioRunner::withoutThrownReason).toList());
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
