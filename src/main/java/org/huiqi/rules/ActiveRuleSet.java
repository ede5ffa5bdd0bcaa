package org.huiqi.rules;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Holds the rule set that is serving. A build either completes and is swapped in atomically, or
 * fails and leaves the previous rule set serving; requests read the reference once and keep that
 * rule set to the end.
 */
@ApplicationScoped
@Startup
public class ActiveRuleSet {
    private static final Logger LOG = Logger.getLogger(ActiveRuleSet.class);

    private final Path rulesDir;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private volatile ReloadOutcome lastReload;

    public ActiveRuleSet(@ConfigProperty(name = "policy.rules.dir", defaultValue = "rules") Path rulesDir) {
        this.rulesDir = rulesDir;
        reload();
    }

    /** The serving rule set, if one has ever been built. */
    public Optional<RuleSet> current() {
        return Optional.ofNullable(active.get());
    }

    public ReloadOutcome lastReload() {
        return lastReload;
    }

    /** Where rules are read from: the directory, or the embedded copy when it does not exist. */
    public String source() {
        return Files.isDirectory(rulesDir) ? rulesDir.toAbsolutePath().normalize().toString() : "embedded";
    }

    /** Builds the rules directory now; activates it only if it builds cleanly. One build at a time. */
    public synchronized ReloadOutcome reload() {
        try {
            RuleFiles files = Files.isDirectory(rulesDir) ? RuleFiles.read(rulesDir) : RuleFiles.embedded();
            RuleSet built = compiler.compile(files);
            active.set(built);
            lastReload = new ReloadOutcome(ReloadOutcome.Status.ACTIVATED, Instant.now(), built.version(), List.of());
            LOG.infof("rule set %s active: %d measures from %s", built.version(), built.measures().size(), built.origin());
        } catch (RuleSetException e) {
            lastReload = new ReloadOutcome(ReloadOutcome.Status.FAILED, Instant.now(), null, e.problems());
            LOG.warnf("rule set not activated, %s", e.getMessage());
        } catch (RuntimeException e) {
            RuleProblem problem = new RuleProblem(".", 0, 0, e.getMessage());
            lastReload = new ReloadOutcome(ReloadOutcome.Status.FAILED, Instant.now(), null, List.of(problem));
            LOG.warn("rule set not activated", e);
        }
        return lastReload;
    }
}
