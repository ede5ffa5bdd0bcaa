package org.huiqi.api.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class or method: it sends requests that break the OpenAPI document on purpose (to
 * see the problem documents they get), so only its responses are checked against the document.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SendsInvalidRequests {
}
