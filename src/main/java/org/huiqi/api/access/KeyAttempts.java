package org.huiqi.api.access;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.huiqi.api.LimitReached;
import org.huiqi.api.Problem;
import org.jboss.logging.Logger;

/**
 * Every check of a presented API key goes through here, so that guessing keys is seen and slowed:
 * a key that is not known is logged at WARN (the client's address and a short prefix of the key's
 * hash, never the key), and an address that has sent {@code policy.api-keys.max-failures-per-minute}
 * unknown keys in a minute is answered 429 with Retry-After until the minute is over, whatever key
 * it sends. Answering at once, rather than sleeping, keeps worker threads free.
 */
@ApplicationScoped
public class KeyAttempts {
    private static final Logger LOG = Logger.getLogger(KeyAttempts.class);
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Addresses remembered at most: past this, windows that are over are forgotten first. */
    private static final int MAX_TRACKED = 10_000;

    /** Refused without looking at the key: the address has failed too often this minute. */
    public static final class Throttled extends LimitReached {
        Throttled(long retryAfterSeconds, int maxFailures) {
            super(Problem.of("too-many-key-failures", "Too many unknown API keys", 429,
                    "this address has sent too many unknown API keys; try again after Retry-After seconds"), retryAfterSeconds, maxFailures);
        }
    }

    /** Failures of one address in the minute that began at {@code start}. */
    private record Window(long start, int failures) {
        boolean over(long now) {
            return now - start >= WINDOW_NANOS;
        }
    }

    private final ApiKeys keys;
    private final int maxFailures;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public KeyAttempts(ApiKeys keys,
                       @ConfigProperty(name = "policy.api-keys.max-failures-per-minute", defaultValue = "10") int maxFailures) {
        this.keys = keys;
        this.maxFailures = Math.max(1, maxFailures);
    }

    /**
     * The client whose key the {@code Authorization} header carries; empty, and counted as a failure
     * of {@code address}, when it carries none that is known.
     *
     * @throws Throttled when {@code address} has failed too often this minute
     */
    public Optional<ApiKeys.Client> identify(String authorization, String address) {
        long now = System.nanoTime();
        Window window = windows.get(address);
        if (window != null && !window.over(now) && window.failures() >= maxFailures) {
            throw new Throttled(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(WINDOW_NANOS - (now - window.start())) + 1), maxFailures);
        }
        Optional<String> key = AccessFilter.bearer(authorization);
        Optional<ApiKeys.Client> client = key.flatMap(keys::identify);
        if (client.isEmpty()) failed(address, key.map(ApiKeys::hashOf).map(h -> h.substring(0, 6)).orElse("none"), now);
        return client;
    }

    /**
     * The known client whose key {@code request} carries (it must carry an Authorization header);
     * empty once the request has been answered: 429 when its address is throttled, 401 when the
     * key is not known.
     */
    public Optional<ApiKeys.Client> identifyOrRefuse(ContainerRequestContext request, Role needed, HttpServerRequest http) {
        try {
            Optional<ApiKeys.Client> client = identify(request.getHeaderString(HttpHeaders.AUTHORIZATION), address(http));
            if (client.isEmpty()) request.abortWith(AccessFilter.unauthorized(needed, true));
            return client;
        } catch (Throttled e) {
            request.abortWith(e.toResponse());
            return Optional.empty();
        }
    }

    /** The caller's address, as the key checks count it (the peer, or the forwarded client when the proxy is trusted). */
    public static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private void failed(String address, String hashPrefix, long now) {
        if (windows.size() >= MAX_TRACKED) windows.values().removeIf(w -> w.over(now));
        if (windows.size() >= MAX_TRACKED) windows.clear(); // a flood from many addresses: start over rather than grow
        Window window = windows.compute(address, (a, w) -> w == null || w.over(now) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
        if (window.failures() < maxFailures) {
            LOG.warnf("unknown API key from %s (sha256 %s…), %d this minute", address, hashPrefix, window.failures());
        } else if (window.failures() == maxFailures) {
            LOG.warnf("unknown API key from %s (sha256 %s…), %d this minute: further keys from it are refused (429) for the rest "
                    + "of the minute (policy.api-keys.max-failures-per-minute)", address, hashPrefix, window.failures());
        }
    }
}
