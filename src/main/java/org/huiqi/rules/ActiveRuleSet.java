package org.huiqi.rules;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Holds the rule set that is serving. A build either completes, passes its gate and is swapped
 * in atomically, or fails and leaves the previous rule set serving; requests read the reference
 * once and keep that rule set to the end. One build at a time.
 */
@ApplicationScoped
@Startup
public class ActiveRuleSet {
    private static final Logger LOG = Logger.getLogger(ActiveRuleSet.class);

    private final Path rulesDir;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final BiFunction<RuleSet, RuleSet, List<RuleProblem>> gate;
    private final MeterRegistry metrics;
    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private final List<Consumer<RuleSetChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile ReloadOutcome lastReload;

    public ActiveRuleSet(@ConfigProperty(name = "policy.rules.dir", defaultValue = "rules") Path rulesDir,
                         RuleSetGate gate, MeterRegistry metrics) {
        this.rulesDir = rulesDir;
        this.gate = gate;
        this.metrics = metrics;
        reload();
    }

    /** The serving rule set, if one has ever been built. */
    public Optional<RuleSet> current() {
        return Optional.ofNullable(active.get());
    }

    /** Told after each activation, on the build thread: keep it short (the SSE endpoint only broadcasts). */
    public void onActivation(Consumer<RuleSetChange> listener) {
        listeners.add(listener);
    }

    public ReloadOutcome lastReload() {
        return lastReload;
    }

    /** The directory rules are read from, when it exists (else the embedded copy serves). */
    public Optional<Path> directory() {
        return Files.isDirectory(rulesDir) ? Optional.of(rulesDir) : Optional.empty();
    }

    public String source() {
        return directory().map(d -> d.toAbsolutePath().normalize().toString()).orElse("embedded");
    }

    /**
     * For the watcher: rebuilds when the files differ from what serves. A check that finds nothing
     * new is not recorded, unless it ends a failure (the files were put back as they were).
     */
    public synchronized void refresh() {
        build(true);
    }

    /** Builds the rules directory now; activates it only if it builds cleanly and passes its gate. */
    public synchronized ReloadOutcome reload() {
        return build(false);
    }

    private ReloadOutcome build(boolean quietWhenUnchanged) {
        ReloadOutcome outcome;
        try {
            RuleFiles files = read();
            RuleSet serving = active.get();
            if (serving != null && serving.version().equals(files.version())) {
                outcome = new ReloadOutcome(ReloadOutcome.Status.UNCHANGED, Instant.now(), serving.version(), List.of());
            } else {
                long started = System.nanoTime();
                RuleSet built = compiler.compile(files, serving);
                long compiled = System.nanoTime();
                outcome = activate(built);
                LOG.infof("rule set %s built in %d ms, scenarios checked in %d ms", built.version(),
                        (compiled - started) / 1_000_000, (System.nanoTime() - compiled) / 1_000_000);
            }
        } catch (RuleSetException e) {
            outcome = new ReloadOutcome(ReloadOutcome.Status.FAILED, Instant.now(), null, e.problems());
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // Whatever a rule file, table or scenario does to the build — even exhaust the stack — fails this
            // build only; the serving rule set and the watcher go on.
            LOG.warn("rule set could not be built", e);
            outcome = new ReloadOutcome(ReloadOutcome.Status.FAILED, Instant.now(), null,
                    List.of(new RuleProblem(".", 0, 0, e.getMessage() == null ? e.toString() : e.getMessage())));
        }
        boolean nothingNew = outcome.status() == ReloadOutcome.Status.UNCHANGED
                && lastReload != null && lastReload.status() != ReloadOutcome.Status.FAILED;
        if (!(quietWhenUnchanged && nothingNew)) record(outcome);
        return outcome;
    }

    private RuleFiles read() {
        return directory().map(RuleFiles::read).orElseGet(RuleFiles::embedded);
    }

    private ReloadOutcome activate(RuleSet built) {
        List<RuleProblem> problems = gate.apply(built, active.get());
        if (!problems.isEmpty()) return new ReloadOutcome(ReloadOutcome.Status.FAILED, Instant.now(), built.version(), problems);
        RuleSet previous = active.getAndSet(built);
        if (!listeners.isEmpty()) {
            RuleSetChange change = RuleSetChange.between(previous, built);
            for (Consumer<RuleSetChange> listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    LOG.warn("a rule-set activation listener failed", e);
                }
            }
        }
        return new ReloadOutcome(ReloadOutcome.Status.ACTIVATED, Instant.now(), built.version(), List.of());
    }

    private void record(ReloadOutcome outcome) {
        lastReload = outcome;
        metrics.counter("huiqi.ruleset.reloads", "outcome", outcome.status().name().toLowerCase()).increment();
        switch (outcome.status()) {
            case ACTIVATED -> LOG.infof("rule set %s active: %d measures from %s", outcome.version(),
                    active.get().measures().size(), active.get().origin());
            case UNCHANGED -> LOG.debugf("rule files unchanged (%s)", outcome.version());
            case FAILED -> LOG.warnf("rule set not activated; %s keeps serving. %d problem(s):%n%s",
                    current().map(RuleSet::version).orElse("nothing"), outcome.errors().size(),
                    String.join("\n", outcome.errors().stream().map(RuleProblem::toString).toList()));
        }
    }
}
