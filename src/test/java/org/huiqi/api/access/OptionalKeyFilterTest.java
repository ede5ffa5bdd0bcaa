package org.huiqi.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The self-check's access rule: open by default, a key with the integration role when required, a sent key always checked. */
class OptionalKeyFilterTest {
    static final ApiKeys KEYS = new ApiKeys(Optional.of("registry:" + ApiKeys.hashOf("reg") + ":integration,ops:"
            + ApiKeys.hashOf("ops") + ":admin"));
    static final KeyAttempts ATTEMPTS = new KeyAttempts(KEYS, 1000);
    /** A request whose peer address is not known: these tests are about roles, not addresses. */
    static final HttpServerRequest HTTP = (HttpServerRequest) Proxy.newProxyInstance(OptionalKeyFilterTest.class.getClassLoader(),
            new Class<?>[]{HttpServerRequest.class}, (proxy, method, args) -> null);

    @Test
    void openByDefault() {
        assertThat(status(false, null)).isNull();
        assertThat(status(false, "Bearer ops")).as("any known key identifies the caller").isNull();
        assertThat(status(false, "Bearer typo")).as("an unknown key is refused even where none is needed").isEqualTo(401);
    }

    @Test
    void whenRequiredOnlyAnIntegrationKeyPasses() {
        assertThat(status(true, null)).isEqualTo(401);
        assertThat(status(true, "Bearer typo")).isEqualTo(401);
        assertThat(status(true, "Bearer ops")).isEqualTo(403);
        assertThat(status(true, "Bearer reg")).isNull();
    }

    @Test
    void theCallerIsNamedForTheAuditRecord() {
        Caller caller = new Caller();
        new OptionalKeyFilter(ATTEMPTS, caller, HTTP, false).filter(request("Bearer reg", new AtomicReference<>()));
        assertThat(caller.name()).isEqualTo("registry");
        Caller anonymous = new Caller();
        new OptionalKeyFilter(ATTEMPTS, anonymous, HTTP, false).filter(request(null, new AtomicReference<>()));
        assertThat(anonymous.name()).isEqualTo(Caller.ANONYMOUS);
    }

    /** The status the filter aborts with, or null when it lets the request through. */
    private static Integer status(boolean required, String authorization) {
        AtomicReference<Response> aborted = new AtomicReference<>();
        new OptionalKeyFilter(ATTEMPTS, new Caller(), HTTP, required).filter(request(authorization, aborted));
        return aborted.get() == null ? null : aborted.get().getStatus();
    }

    private static ContainerRequestContext request(String authorization, AtomicReference<Response> aborted) {
        return (ContainerRequestContext) Proxy.newProxyInstance(OptionalKeyFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "abortWith" -> {
                        aborted.set((Response) args[0]);
                        yield null;
                    }
                    default -> null;
                });
    }
}
