package org.huiqi.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Places for event-stream subscribers. Each open stream holds a connection, and with it a file
 * descriptor, for as long as the client likes: without a cap a few clients could use up the
 * process's descriptors, and then even the liveness probe fails. So at most
 * {@code policy.events.max-subscribers} streams are open at once (another: 503), and at most
 * {@code policy.events.max-subscribers-per-client} of one client (another: 429) — a client being
 * its API key when it sends one, else its address.
 */
@ApplicationScoped
public class EventSubscribers {
    /** Seconds a refused subscriber is told to wait before reconnecting. */
    static final long RETRY_AFTER_SECONDS = 30;

    private final int max;
    private final int maxPerClient;
    private final Map<String, Integer> byClient = new HashMap<>();
    private int open;

    public EventSubscribers(@ConfigProperty(name = "policy.events.max-subscribers", defaultValue = "200") int max,
                            @ConfigProperty(name = "policy.events.max-subscribers-per-client", defaultValue = "4") int maxPerClient,
                            MeterRegistry metrics) {
        this.max = max;
        this.maxPerClient = maxPerClient;
        Gauge.builder("huiqi.events.subscribers", this, EventSubscribers::open).description("Event streams open now").register(metrics);
    }

    /**
     * A place for one more stream of {@code client}; run what is returned when the stream ends (more
     * than once does no harm).
     *
     * @throws LimitReached 429 when the client has its share open, 503 when all places are taken
     */
    public synchronized Runnable admit(String client) {
        int mine = byClient.getOrDefault(client, 0);
        if (mine >= maxPerClient) {
            throw new LimitReached(Problem.of("too-many-streams", "Too many event streams", 429, "this client has " + mine
                    + " event streams open, the most one client may (policy.events.max-subscribers-per-client)"), RETRY_AFTER_SECONDS, maxPerClient);
        }
        if (open >= max) {
            throw new LimitReached(Problem.of("streams-full", "No event stream available", 503, "the service has " + open
                    + " event streams open, the most it keeps (policy.events.max-subscribers)"), RETRY_AFTER_SECONDS, max);
        }
        open++;
        byClient.merge(client, 1, Integer::sum);
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) release(client);
        };
    }

    public synchronized int open() {
        return open;
    }

    private synchronized void release(String client) {
        open--;
        byClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
    }
}
