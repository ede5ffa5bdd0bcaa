package org.huiqi.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A request refused because a capacity limit is reached: a problem document with Retry-After
 * ({@link LimitRefusals}) and the RateLimit-Limit, -Remaining and -Reset headers of the IETF
 * RateLimit header draft, so a client can back off without parsing the problem.
 */
public class LimitReached extends RuntimeException {
    private final Problem problem;
    private final long retryAfterSeconds;
    private final long limit;

    /** {@code limit}: what was reached (places, attempts in the window); the caller has none of it left. */
    public LimitReached(Problem problem, long retryAfterSeconds, long limit) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
        this.limit = limit;
    }

    public Problem problem() {
        return problem;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Response toResponse() {
        return problem.toResponseBuilder()
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .header("RateLimit-Limit", limit)
                .header("RateLimit-Remaining", 0)
                .header("RateLimit-Reset", retryAfterSeconds)
                .build();
    }
}
