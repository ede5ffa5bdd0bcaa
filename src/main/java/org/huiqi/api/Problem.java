package org.huiqi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document: the only shape errors take in this API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 problem details (application/problem+json).")
public record Problem(
        @Schema(required = true, description = "URI identifying the kind of problem; stable, safe to branch on",
                example = "https://huiqi.org/problems/invalid-input") String type,
        @Schema(required = true, description = "Short human-readable summary of the kind of problem", example = "Invalid input") String title,
        @Schema(required = true, description = "The HTTP status code", example = "400") int status,
        @Schema(description = "What went wrong in this case, in English", example = "2 fields are invalid") String detail,
        @Schema(description = "One entry per invalid field, at most the first " + MAX_LISTED_ERRORS + " (detail counts them all)", maxItems = MAX_LISTED_ERRORS) List<FieldError> errors,
        @Schema(description = "This occurrence: urn:huiqi:request: and the request's id (the X-Request-Id response header), "
                + "to quote when asking about it; the service's log and audit records carry the same id",
                example = "urn:huiqi:request:01JDQ3Z6X8M5T2B7K9R4W1N0PA") String instance) {

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://huiqi.org/problems/";

    @Schema(description = "A field-level error.")
    public record FieldError(
            @Schema(required = true, description = "JSON path of the field in the request", example = "profile.financials.2024.operatingRevenue") String field,
            @Schema(required = true, description = "What is wrong with the field, in English", example = "must be greater than or equal to 0") String message) {
    }

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(TYPES + type, title, status, detail, null);
    }

    /**
     * Field errors listed in one problem: however many fields a body gets wrong, the answer stays
     * a few kilobytes (the detail still counts them all).
     */
    public static final int MAX_LISTED_ERRORS = 20;

    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid" + (errors.size() > MAX_LISTED_ERRORS ? "; the first " + MAX_LISTED_ERRORS + " are listed" : "");
        return new Problem(TYPES + "invalid-input", "Invalid input", 400, detail,
                List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS))));
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, errors, instance);
    }

    /** This problem, naming the request being handled when it names none yet. */
    public Problem ofThisRequest() {
        return instance != null ? this : withInstance(RequestIds.instance());
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(ofThisRequest());
    }
}
