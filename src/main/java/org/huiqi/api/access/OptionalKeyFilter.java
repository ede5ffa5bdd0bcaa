package org.huiqi.api.access;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access to {@link KeyOptional} endpoints (the public self-check). By default anyone may call;
 * with {@code policy.eligibility.require-key=true} a key with the integration role is needed, as
 * for the batch. A key that is sent must be known either way: a typo should fail loudly rather
 * than turn an integration into an anonymous caller.
 */
@Provider
@KeyOptional
@Priority(Priorities.AUTHENTICATION)
public class OptionalKeyFilter implements ContainerRequestFilter {
    private final KeyAttempts keys;
    private final Caller caller;
    private final HttpServerRequest http;
    private final boolean required;

    public OptionalKeyFilter(KeyAttempts keys, Caller caller, HttpServerRequest http,
                             @ConfigProperty(name = "policy.eligibility.require-key", defaultValue = "false") boolean required) {
        this.keys = keys;
        this.caller = caller;
        this.http = http;
        this.required = required;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null && !required) return;
        if (header == null) {
            request.abortWith(AccessFilter.unauthorized(Role.INTEGRATION, false));
            return;
        }
        Optional<ApiKeys.Client> client = keys.identifyOrRefuse(request, Role.INTEGRATION, http);
        if (client.isEmpty()) return;
        if (required && !client.get().roles().contains(Role.INTEGRATION)) {
            request.abortWith(AccessFilter.forbidden(client.get(), Role.INTEGRATION));
            return;
        }
        request.setProperty(AccessFilter.CLIENT, client.get());
        caller.identified(client.get());
    }
}
