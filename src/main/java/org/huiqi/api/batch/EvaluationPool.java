package org.huiqi.api.batch;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The threads that evaluate batch items in parallel: one per core by default
 * ({@code policy.batch.parallelism}). Shared by all batches, so concurrent batches share the cores
 * instead of multiplying threads; each batch keeps at most twice this many items in flight.
 */
@ApplicationScoped
public class EvaluationPool {
    private final int parallelism;
    private final ExecutorService threads;

    public EvaluationPool(@ConfigProperty(name = "policy.batch.parallelism", defaultValue = "0") int configured) {
        this.parallelism = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "batch-evaluation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public ExecutorService executor() {
        return threads;
    }

    public int parallelism() {
        return parallelism;
    }

    void stop(@Observes ShutdownEvent event) {
        threads.shutdownNow();
    }
}
