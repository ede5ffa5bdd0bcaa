package org.huiqi.api;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import java.net.URI;
import io.restassured.specification.RequestSpecification;

/** Requests to the management port (health, metrics), which tests open on a free port. */
public final class Management {
    private Management() {
    }

    /** A request whose paths are written in full ({@code /q/health/ready}), as the probes and Prometheus use them. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(URI.create(TestHTTPResourceManager.getManagementUri()).resolve("/").toString());
    }
}
