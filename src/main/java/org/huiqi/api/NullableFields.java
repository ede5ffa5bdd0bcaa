package org.huiqi.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The API's one rule for null, applied to every object schema of the document (request and
 * response, current and future fields alike): a property listed in {@code required} is always
 * present and never null; every other property may be sent as null (or left out), and null
 * means the same as absent: unknown, not applicable, none. Jackson writes null fields, so the
 * document must say they can be null, or strict generated clients reject the answers.
 */
final class NullableFields {
    private final Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    static void apply(OpenAPI openAPI) {
        NullableFields rule = new NullableFields();
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(rule::visit);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null) rule.visit(operation.getRequestBody().getContent());
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) continue;
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) rule.visit(response.getContent());
            }
        }
    }

    private void visit(Content content) {
        if (content == null || content.getMediaTypes() == null) return;
        for (MediaType mediaType : content.getMediaTypes().values()) visit(mediaType.getSchema());
    }

    private void visit(Schema schema) {
        if (schema == null || !seen.add(schema)) return;
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                if (!required.contains(property.getKey())) nullable(property.getValue());
                visit(property.getValue());
            }
        }
        visit(schema.getItems());
        visit(schema.getAdditionalPropertiesSchema());
        visitAll(schema.getAllOf());
        visitAll(schema.getAnyOf());
        visitAll(schema.getOneOf());
    }

    private void visitAll(Collection<Schema> schemas) {
        if (schemas != null) new ArrayList<>(schemas).forEach(this::visit);
    }

    /**
     * The property's schema, allowing null too. A reference cannot carry the null itself (its
     * target is shared with required uses), so it becomes "the referenced schema, or null".
     */
    private static void nullable(Schema property) {
        if (property.getRef() != null) {
            Schema target = OASFactory.createSchema().ref(property.getRef());
            property.setRef(null);
            property.addAnyOf(target).addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        List<SchemaType> types = property.getType();
        if (types != null && !types.isEmpty() && !types.contains(SchemaType.NULL)) property.addType(SchemaType.NULL);
    }
}
