package org.huiqi.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What is true of every operation, stated once rather than on each endpoint (including those
 * added later): an operation that declares no security requirement is open to anonymous callers
 * and says so explicitly; any operation may answer 500 with a problem document, and any that
 * takes a body may answer 413, 408 and 503 ({@link BodyLimits}, {@link RequestBodies}).
 */
public class OpenApiDefaults implements OASFilter {
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        OpenApiLimits.apply(openAPI);
        NullableFields.apply(openAPI);
        OpenApiForGenerators.apply(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = path.getValue();
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getSecurity() == null) operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
                if (operation.getRequestBody() != null) {
                    addIfMissing(operation, "413", "The body is larger than the configured limit "
                            + "(policy.http.max-json-body-size, or policy.http.max-keyed-body-size for batches and drafts)");
                    if (BodyLimits.readBeforeDispatch(path.getKey())) {
                        addIfMissing(operation, "408", "The body did not arrive within policy.http.body-deadline of the headers; "
                                + "the connection is closed");
                        addOrExtend(operation, "503", "Too many request bodies are in memory at once "
                                + "(policy.http.max-buffered-body-bytes); retry after the seconds Retry-After gives");
                    }
                }
                addIfMissing(operation, "500", "Internal error; the details are in the service log, never in the answer");
                // Whatever checks a key may refuse an address that sent too many unknown ones (KeyAttempts).
                if (operation.getResponses() != null && operation.getResponses().hasAPIResponse("401")) keyThrottle(operation);
            }
        }
    }

    /** A status the operation already declares for its own reason gets this one added to its description. */
    private static void addOrExtend(Operation operation, String status, String description) {
        APIResponse declared = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse(status);
        if (declared != null) declared.setDescription(declared.getDescription() + "; or: " + description);
        else addIfMissing(operation, status, description);
    }

    private static void keyThrottle(Operation operation) {
        addIfMissing(operation, "429", "Too many unknown API keys from this address (policy.api-keys.max-failures-per-minute); "
                + "try again after Retry-After seconds");
        APIResponse response = operation.getResponses().getAPIResponse("429");
        if (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After")) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
    }

    private static void addIfMissing(Operation operation, String status, String description) {
        if (operation.getResponses() == null || operation.getResponses().hasAPIResponse(status)) return;
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        operation.getResponses().addAPIResponse(status, response);
    }
}
