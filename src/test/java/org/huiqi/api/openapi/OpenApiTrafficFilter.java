package org.huiqi.api.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks REST Assured traffic under /api/ against the OpenAPI document: the request body (unless
 * the test sends invalid requests on purpose) and the response: its status must be declared for
 * the operation, and its body must match the schema declared for its media type. NDJSON bodies
 * are checked line by line against the item schema. A mismatch fails the test that caused it.
 */
public final class OpenApiTrafficFilter implements Filter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";

    private final ApiDocument document;
    private final boolean checkRequests;

    public OpenApiTrafficFilter(ApiDocument document, boolean checkRequests) {
        this.document = document;
        this.checkRequests = checkRequests;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getPath();
        if (!path.startsWith("/api/")) return response;
        String exchange = request.getMethod() + " " + path + " → " + response.getStatusCode();
        ApiDocument.Operation operation = document.operation(request.getMethod(), path)
                .orElseThrow(() -> new AssertionError(exchange + ": the OpenAPI document has no such operation"));
        List<String> problems = new ArrayList<>();
        if (checkRequests) {
            String body = text(request.getBody());
            if (body != null && !body.isBlank()) {
                check("request", operation.requestSchema(request.getContentType()), request.getContentType(), body, problems);
            }
        }
        if (!operation.declaresResponse(response.getStatusCode())) {
            problems.add("response: status " + response.getStatusCode() + " is not declared for " + operation.name());
        } else {
            byte[] body = response.asByteArray();
            if (body.length > 0) check("response", operation.responseSchema(response.getStatusCode(), response.getContentType()),
                    response.getContentType(), new String(body, StandardCharsets.UTF_8), problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(exchange + " does not match the OpenAPI document (" + operation.name() + "):\n  "
                    + String.join("\n  ", problems));
        }
        return response;
    }

    /** How one line of a streamed NDJSON batch answer (read without REST Assured) breaks the document. */
    public static List<String> ndjsonResultViolations(String line) {
        ApiDocument document = ApiDocument.committed();
        String schema = document.operation("POST", "/api/v1/eligibility/batch").flatMap(o -> o.responseSchema(200, NDJSON))
                .orElseThrow(() -> new AssertionError("the document declares no NDJSON batch answer"));
        try {
            return document.violations(schema, JSON.readTree(line));
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    private void check(String what, Optional<String> schema, String mediaType, String body, List<String> problems) {
        if (schema.isEmpty()) {
            problems.add(what + ": media type " + mediaType + " is not declared for this status");
            return;
        }
        if (mediaType.toLowerCase().startsWith(NDJSON)) {
            String[] lines = body.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) checkJson(what + " line " + (i + 1), schema.get(), lines[i], problems);
            }
        } else {
            checkJson(what, schema.get(), body, problems);
        }
    }

    private void checkJson(String what, String schema, String json, List<String> problems) {
        JsonNode value;
        try {
            value = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // a malformed body is the point of some tests; the schema has nothing to say about it
            if (what.startsWith("request")) return;
            problems.add(what + ": not JSON: " + e.getOriginalMessage());
            return;
        }
        document.violations(schema, value).forEach(message -> problems.add(what + ": " + message));
    }

    private static String text(Object body) {
        if (body instanceof String text) return text;
        if (body instanceof byte[] bytes) return new String(bytes, StandardCharsets.UTF_8);
        return null; // a stream or a file: sent as it is read, not held to check
    }
}
