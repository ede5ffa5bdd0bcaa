package org.huiqi.api.access;

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
 * no or unknown key → 401, known key without the role → 403. The key itself is never logged
 * or echoed; the client's name is kept on the request for audit records.
 */
@Provider
@RequiresRole
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
    /** Request property holding the {@link ApiKeys.Client} of an authenticated call. */
    public static final String CLIENT = "huiqi.client";

    private final ApiKeys keys;
    private final Caller caller;

    @Context
    ResourceInfo resource;

    public AccessFilter(ApiKeys keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Role needed = needed();
        Optional<ApiKeys.Client> client = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)).flatMap(keys::identify);
        if (client.isEmpty()) {
            request.abortWith(unauthorized(needed, request.getHeaderString(HttpHeaders.AUTHORIZATION) != null));
            return;
        }
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
