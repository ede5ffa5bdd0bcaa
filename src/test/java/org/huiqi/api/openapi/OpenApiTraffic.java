package org.huiqi.api.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts every @QuarkusTest's REST Assured traffic through {@link OpenApiTrafficFilter}, so a new API
 * test is checked against the document without asking for it (registered in
 * META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback).
 */
public class OpenApiTraffic implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean invalidOnPurpose = context.getTestMethod().isAnnotationPresent(SendsInvalidRequests.class)
                || context.getTestInstance().getClass().isAnnotationPresent(SendsInvalidRequests.class);
        RestAssured.replaceFiltersWith(new OpenApiTrafficFilter(ApiDocument.committed(), !invalidOnPurpose));
    }
}
