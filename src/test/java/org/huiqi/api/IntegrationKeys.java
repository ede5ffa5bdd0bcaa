package org.huiqi.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.huiqi.api.access.ApiKeys;

/** API keys for the integration tests: one integration client, one admin; small body limits. */
public class IntegrationKeys implements QuarkusTestProfile {
    public static final String INTEGRATION_KEY = "registry-key-for-tests";
    public static final String ADMIN_KEY = "ops-key-for-tests";
    public static final int MAX_LINE_BYTES = 16 * 1024;
    public static final int MAX_JSON_BYTES = 256 * 1024;
    public static final String AUDIT_KEY = "audit-fingerprint-key-for-tests";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "policy.api-keys", "registry:" + ApiKeys.hashOf(INTEGRATION_KEY) + ":integration,ops:" + ApiKeys.hashOf(ADMIN_KEY) + ":admin",
                "policy.batch.max-items", "5",
                "policy.batch.max-line-bytes", String.valueOf(MAX_LINE_BYTES),
                "policy.http.max-json-body-size", String.valueOf(MAX_JSON_BYTES),
                "policy.audit.fingerprint-key", AUDIT_KEY);
    }
}
