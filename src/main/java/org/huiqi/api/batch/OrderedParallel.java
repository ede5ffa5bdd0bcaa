package org.huiqi.api.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs tasks on an executor, at most {@code window} at a time, and hands their results to a sink
 * in the order the tasks were submitted. Memory stays bounded: submitting waits for the oldest
 * task once the window is full, so a fast reader never queues more than the window.
 *
 * <p>Used by one thread (the one reading the input and writing the output); only the tasks run
 * elsewhere.
 */
final class OrderedParallel<R> {
    /** Receives results in submission order. */
    interface Sink<R> {
        void accept(R result) throws IOException;
    }

    private final Executor executor;
    private final int window;
    private final Sink<R> sink;
    private final ArrayDeque<CompletableFuture<R>> inFlight = new ArrayDeque<>();

    OrderedParallel(Executor executor, int window, Sink<R> sink) {
        if (window < 1) throw new IllegalArgumentException("window must be at least 1");
        this.executor = executor;
        this.window = window;
        this.sink = sink;
    }

    /** Starts {@code task}, first handing on the oldest result if the window is full. */
    void submit(Supplier<R> task) throws IOException {
        while (inFlight.size() >= window) handOnOldest();
        inFlight.add(CompletableFuture.supplyAsync(task, executor));
        handOnFinished();
    }

    /** Hands on, without waiting, the results that are done and next in order. */
    void handOnFinished() throws IOException {
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) handOnOldest();
    }

    /** Waits for every task and hands on all results. */
    void finish() throws IOException {
        while (!inFlight.isEmpty()) handOnOldest();
    }

    /** Tasks still running or not yet handed on. */
    int pending() {
        return inFlight.size();
    }

    private void handOnOldest() throws IOException {
        R result;
        try {
            result = inFlight.poll().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
        sink.accept(result);
    }
}
