package org.huiqi.api.access;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Who is calling in this request: set by the access filters, read by resources for audit records. */
@RequestScoped
public class Caller {
    public static final String ANONYMOUS = "anonymous";

    private ApiKeys.Client client;

    void identified(ApiKeys.Client client) {
        this.client = client;
    }

    public Optional<ApiKeys.Client> client() {
        return Optional.ofNullable(client);
    }

    /** The client's configured name, or {@value #ANONYMOUS}. */
    public String name() {
        return client == null ? ANONYMOUS : client.name();
    }
}
