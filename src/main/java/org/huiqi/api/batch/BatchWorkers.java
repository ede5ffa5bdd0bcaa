package org.huiqi.api.batch;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The threads that evaluate batch items, apart from the HTTP worker pool: however many batches run,
 * registry matching uses at most {@code policy.batch.threads} cores for evaluation, so single
 * self-checks and health probes always find a core and a thread. A request thread of a batch only
 * moves bytes (reads lines, writes results) and waits here for each evaluation.
 *
 * <p>An {@link Executor}, so that a parallel batch evaluator can be handed it as it is.
 */
@ApplicationScoped
public class BatchWorkers implements Executor {
    private final ThreadPoolExecutor pool;

    public BatchWorkers(@ConfigProperty(name = "policy.batch.threads", defaultValue = "0") int threads) {
        int size = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        AtomicInteger number = new AtomicInteger();
        // Bounded queue: each running batch waits for its own work, so the queue holds at most a few
        // items per admitted batch; a full queue is a refusal, never unbounded memory.
        this.pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(size * 256), task -> {
            Thread thread = new Thread(task, "huiqi-batch-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public int threads() {
        return pool.getMaximumPoolSize();
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** Runs {@code work} on a batch thread and waits for it; its exceptions reach the caller as they were. */
    public <T> T call(Callable<T> work) throws IOException {
        Future<T> result = pool.submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("batch interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException runtime) throw runtime;
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException(cause);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
