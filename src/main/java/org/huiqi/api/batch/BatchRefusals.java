package org.huiqi.api.batch;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A batch beyond the limits: 429 problem document with Retry-After. */
public class BatchRefusals {
    @ServerExceptionMapper
    public Response refused(BatchAdmission.Refused e) {
        return e.problem().toResponseBuilder().header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
