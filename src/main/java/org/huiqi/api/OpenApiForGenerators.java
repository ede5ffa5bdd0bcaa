package org.huiqi.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What generated clients need to stay working as v1 grows, stated on the whole document so that
 * schemas added later follow it: every enum and every answer object is documented as open for
 * additions (clients should map an unknown value to a default and keep unknown fields:
 * docs/integration.md, "Generated clients"), and every object that only requests use is closed
 * ({@code additionalProperties: false}), as the service refuses unknown fields in requests.
 */
final class OpenApiForGenerators {
    static final String OPEN_ENUM = " Open for additions: v1 may add values; treat an unknown one as not handled, not as an error.";
    static final String OPEN_OBJECT = " Open for additions: v1 may add fields; ignore those you do not know.";
    private static final String REFS = "#/components/schemas/";

    private OpenApiForGenerators() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null || openAPI.getPaths() == null) return;
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> inRequests = new HashSet<>();
        Set<String> inAnswers = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null) reach(operation.getRequestBody().getContent(), schemas, inRequests);
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(r -> reach(r.getContent(), schemas, inAnswers));
                }
            }
        }
        for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
            Schema schema = entry.getValue();
            if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
                append(schema, OPEN_ENUM);
            } else if (schema.getProperties() != null) {
                if (!inAnswers.contains(entry.getKey())) schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
                else append(schema, OPEN_OBJECT);
            }
        }
    }

    private static void append(Schema schema, String text) {
        String description = schema.getDescription();
        if (description == null) schema.setDescription(text.strip());
        else if (!description.endsWith(text)) schema.setDescription(description + text);
    }

    /** The component schemas that {@code content} refers to, directly or through others. */
    private static void reach(Content content, Map<String, Schema> schemas, Set<String> found) {
        if (content == null || content.getMediaTypes() == null) return;
        Deque<Schema> todo = new ArrayDeque<>();
        content.getMediaTypes().values().forEach(media -> {
            if (media.getSchema() != null) todo.add(media.getSchema());
            if (media.getExtensions() != null && media.getExtensions().get("x-itemSchema") instanceof Map<?, ?> item
                    && item.get("$ref") instanceof String ref) {
                enqueue(ref, schemas, found, todo);
            }
        });
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema.getRef() != null) enqueue(schema.getRef(), schemas, found, todo);
            Consumer<Schema> add = s -> {
                if (s != null) todo.add(s);
            };
            if (schema.getProperties() != null) schema.getProperties().values().forEach(add);
            add.accept(schema.getItems());
            add.accept(schema.getAdditionalPropertiesSchema());
            if (schema.getAnyOf() != null) schema.getAnyOf().forEach(add);
            if (schema.getOneOf() != null) schema.getOneOf().forEach(add);
            if (schema.getAllOf() != null) schema.getAllOf().forEach(add);
        }
    }

    private static void enqueue(String ref, Map<String, Schema> schemas, Set<String> found, Deque<Schema> todo) {
        if (!ref.startsWith(REFS)) return;
        String name = ref.substring(REFS.length());
        if (found.add(name) && schemas.get(name) != null) todo.add(schemas.get(name));
    }
}
