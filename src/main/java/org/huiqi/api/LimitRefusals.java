package org.huiqi.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Limits reached inside a resource (capacity, key throttling): 429 or 503 problem documents with Retry-After. */
public class LimitRefusals {
    @ServerExceptionMapper
    public Response limit(LimitReached e) {
        return e.toResponse();
    }
}
