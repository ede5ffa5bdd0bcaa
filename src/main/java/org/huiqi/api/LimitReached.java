package org.huiqi.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A request refused because a capacity limit is reached: a problem document with Retry-After ({@link LimitRefusals}). */
public class LimitReached extends RuntimeException {
    private final Problem problem;
    private final long retryAfterSeconds;

    public LimitReached(Problem problem, long retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Response toResponse() {
        return problem.toResponseBuilder().header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }
}
