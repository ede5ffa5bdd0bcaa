package org.huiqi.api.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.huiqi.api.LimitReached;
import org.huiqi.api.Problem;
import org.jboss.logging.Logger;

/**
 * Which batches may run: at most {@code policy.batch.max-concurrent} at once, at most
 * {@code policy.batch.max-concurrent-per-client} of one client; another gets 429 with Retry-After.
 * An admitted batch is cut (its connection closed) when the service has waited
 * {@code policy.batch.idle-timeout} for the client — for its next bytes, or to take the results
 * already written — or when it has run
 * for {@code policy.batch.max-duration}; either way its place is freed. So slow or stalled uploads
 * can hold neither threads nor places for long.
 */
@ApplicationScoped
public class BatchAdmission {
    private static final Logger LOG = Logger.getLogger(BatchAdmission.class);

    private final int maxConcurrent;
    private final int maxPerClient;
    private final Duration idleTimeout;
    private final Duration maxDuration;
    private final Duration retryAfter;
    private final Set<Permit> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final ScheduledExecutorService watchdog;

    public BatchAdmission(@ConfigProperty(name = "policy.batch.max-concurrent", defaultValue = "4") int maxConcurrent,
                          @ConfigProperty(name = "policy.batch.max-concurrent-per-client", defaultValue = "2") int maxPerClient,
                          @ConfigProperty(name = "policy.batch.idle-timeout", defaultValue = "60s") Duration idleTimeout,
                          @ConfigProperty(name = "policy.batch.max-duration", defaultValue = "2h") Duration maxDuration,
                          @ConfigProperty(name = "policy.batch.retry-after", defaultValue = "30s") Duration retryAfter,
                          MeterRegistry metrics) {
        this.maxConcurrent = maxConcurrent;
        this.maxPerClient = maxPerClient;
        this.idleTimeout = idleTimeout;
        this.maxDuration = maxDuration;
        this.retryAfter = retryAfter;
        this.metrics = metrics;
        Gauge.builder("huiqi.batch.running", running, Set::size).description("Batches running now").register(metrics);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "huiqi-batch-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, Math.min(1000, idleTimeout.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * A place for one batch of {@code client}, or {@link LimitReached} (429 with Retry-After). {@code cut} closes the batch's
     * connection; the permit must be closed when the batch ends (closing twice is harmless).
     */
    public synchronized Permit admit(String client, String batchId, Runnable cut) {
        long ofClient = running.stream().filter(p -> p.client.equals(client)).count();
        String reason = null;
        int limit = maxPerClient;
        if (ofClient >= maxPerClient) {
            reason = "client " + client + " already runs " + ofClient + " batches, the most one client may run at once "
                    + "(policy.batch.max-concurrent-per-client)";
        } else if (running.size() >= maxConcurrent) {
            limit = maxConcurrent;
            reason = running.size() + " batches are running, the most the service runs at once (policy.batch.max-concurrent)";
        }
        if (reason != null) {
            count("refused");
            long seconds = Math.max(1, retryAfter.toSeconds());
            throw new LimitReached(Problem.of("too-many-batches", "Too many batches", 429, reason + "; retry after " + seconds + " s"),
                    seconds, limit);
        }
        Permit permit = new Permit(client, batchId, cut);
        running.add(permit);
        return permit;
    }

    private void check() {
        long now = System.nanoTime();
        for (Permit permit : running) {
            long waiting = permit.waitingSince;
            if (waiting != 0 && now - waiting > idleTimeout.toNanos()) {
                permit.cut("the client sent nothing for " + idleTimeout.toSeconds() + " s (policy.batch.idle-timeout)", "idle");
            } else if (now - permit.started > maxDuration.toNanos()) {
                permit.cut("it ran for " + maxDuration + " (policy.batch.max-duration)", "duration");
            }
        }
    }

    private void count(String outcome) {
        counters.computeIfAbsent(outcome, o -> Counter.builder("huiqi.batch.admission")
                .description("Batches refused (limits reached) or cut (idle client, too long)")
                .tag("outcome", o).register(metrics)).increment();
    }

    void stop(@Observes ShutdownEvent event) {
        watchdog.shutdownNow();
    }

    /** One admitted batch. */
    public final class Permit implements AutoCloseable {
        private final String client;
        private final String batchId;
        private final Runnable cut;
        private final long started = System.nanoTime();
        private final AtomicBoolean closed = new AtomicBoolean();
        /** When the current wait for the client's bytes began; 0 while the service is not waiting for it. */
        private volatile long waitingSince = System.nanoTime();

        private Permit(String client, String batchId, Runnable cut) {
            this.client = client;
            this.batchId = batchId;
            this.cut = cut;
        }

        /** The request body, with the time spent waiting for each read watched (the wait for the first read begins at admission). */
        public InputStream watch(InputStream body) {
            return new FilterInputStream(body) {
                @Override
                public int read() throws IOException {
                    waitingSince = System.nanoTime();
                    try {
                        return super.read();
                    } finally {
                        waitingSince = 0;
                    }
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    waitingSince = System.nanoTime();
                    try {
                        return super.read(buffer, offset, length);
                    } finally {
                        waitingSince = 0;
                    }
                }
            };
        }

        /** The response body, with the time spent waiting for the client to take each write watched. */
        public OutputStream watch(OutputStream out) {
            return new FilterOutputStream(out) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] buffer, int offset, int length) throws IOException {
                    waitingSince = System.nanoTime();
                    try {
                        out.write(buffer, offset, length);
                    } finally {
                        waitingSince = 0;
                    }
                }

                @Override
                public void flush() throws IOException {
                    waitingSince = System.nanoTime();
                    try {
                        out.flush();
                    } finally {
                        waitingSince = 0;
                    }
                }
            };
        }

        private void cut(String why, String outcome) {
            if (closed.get()) return;
            LOG.warnf("batch %s of client %s cut: %s", batchId, client, why);
            count(outcome);
            try {
                cut.run();
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing the connection of batch %s", batchId);
            }
            close();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) running.remove(this);
        }
    }
}
