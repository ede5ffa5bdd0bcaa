package org.huiqi.rules;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reloads the rule set when files under the rules directory change: created, modified, deleted,
 * renamed, or swapped in by a Kubernetes ConfigMap update (a new "..data" symlink). Bursts of
 * events (an editor saving several times, a whole ConfigMap swap) are debounced into one build,
 * and builds run one at a time. A periodic check catches changes a file system did not report.
 */
@ApplicationScoped
public class RulesWatcher {
    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);

    private final ActiveRuleSet active;
    private final boolean enabled;
    private final Duration debounce;
    private final Duration pollInterval;
    private final ScheduledExecutorService builds = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rules-reload"));
    private ScheduledFuture<?> pending;
    private WatchService watchService;
    private Path dir;

    public RulesWatcher(ActiveRuleSet active,
                        @ConfigProperty(name = "policy.rules.watch", defaultValue = "true") boolean enabled,
                        @ConfigProperty(name = "policy.rules.debounce", defaultValue = "PT0.5S") Duration debounce,
                        @ConfigProperty(name = "policy.rules.poll-interval", defaultValue = "PT30S") Duration pollInterval) {
        this.active = active;
        this.enabled = enabled;
        this.debounce = debounce;
        this.pollInterval = pollInterval;
    }

    void start(@Observes StartupEvent event) {
        dir = active.directory().orElse(null);
        if (!enabled || dir == null) return;
        try {
            watchService = FileSystems.getDefault().newWatchService();
            registerTree(dir);
            Thread watcher = daemon(this::watch, "rules-watch");
            watcher.start();
            builds.scheduleWithFixedDelay(this::reload, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("watching %s for rule changes", dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            LOG.warnf("cannot watch %s (%s); changes are picked up every %s instead", dir, e.getMessage(), pollInterval);
            builds.scheduleWithFixedDelay(this::reload, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        builds.shutdownNow();
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException ignored) {
                // shutting down anyway
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                key.pollEvents();
                key.reset();
                schedule();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void schedule() {
        if (pending != null) pending.cancel(false);
        pending = builds.schedule(() -> {
            registerTree(dir);
            reload();
        }, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reload() {
        try {
            active.refresh();
        } catch (Throwable e) {
            // A periodic task that throws is never run again: nothing may end the watcher.
            LOG.error("rule reload failed; the watcher goes on", e);
        }
    }

    /** Registers every folder (new ones too, and those behind symlinks); registering twice is harmless. */
    private void registerTree(Path root) {
        try (Stream<Path> paths = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path folder : (Iterable<Path>) paths.filter(Files::isDirectory)::iterator) {
                folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("could not register every folder under %s: %s", root, e.getMessage());
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
