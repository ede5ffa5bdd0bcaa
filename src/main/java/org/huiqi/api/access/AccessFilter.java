package org.huiqi.api.access;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;
import org.huiqi.api.Problem;

/**
 * Lets a request reach a {@link RequiresRole} endpoint only with a key that has the role:
 * no or unknown key → 401, known key without the role → 403; too many unknown keys from one
 * address → 429 ({@link KeyAttempts}). The key itself is never logged or echoed; the client's name
 * is kept on the request for audit records.
 */
@Provider
@RequiresRole
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
    /** Request property holding the {@link ApiKeys.Client} of an authenticated call. */
    public static final String CLIENT = "huiqi.client";

    private final KeyAttempts keys;
    private final Caller caller;
    private final HttpServerRequest http;

    @Context
    ResourceInfo resource;

    public AccessFilter(KeyAttempts keys, Caller caller, HttpServerRequest http) {
        this.keys = keys;
        this.caller = caller;
        this.http = http;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Role needed = needed();
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            request.abortWith(unauthorized(needed, false));
            return;
        }
        Optional<ApiKeys.Client> client = keys.identifyOrRefuse(request, needed, http);
        if (client.isEmpty()) return;
        if (!client.get().roles().contains(needed)) {
            request.abortWith(forbidden(client.get(), needed));
            return;
        }
        request.setProperty(CLIENT, client.get());
        caller.identified(client.get());
    }

    static Response unauthorized(Role needed, boolean keySent) {
        return Problem.of("unauthorized", "Unauthorized", 401, (keySent ? "the API key sent is not known; " : "")
                + "this endpoint needs an API key with the " + needed.name().toLowerCase() + " role: "
                + "send Authorization: Bearer <key>").toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response forbidden(ApiKeys.Client client, Role needed) {
        return Problem.of("forbidden", "Forbidden", 403, "client '" + client.name()
                + "' does not have the " + needed.name().toLowerCase() + " role").toResponse();
    }

    private Role needed() {
        Method method = resource.getResourceMethod();
        RequiresRole onMethod = method == null ? null : method.getAnnotation(RequiresRole.class);
        if (onMethod != null) return onMethod.value();
        RequiresRole onClass = resource.getResourceClass().getAnnotation(RequiresRole.class);
        return onClass == null ? Role.ADMIN : onClass.value();
    }

    static Optional<String> bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String key = header.substring(7).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
