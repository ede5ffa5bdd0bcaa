package org.huiqi.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An RFC 9457 problem document as the service sends it: {@code type} is stable and safe to branch
 * on; {@code instance} names the request (quote it when asking the operator). Fields the service
 * adds later are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    /** One invalid field: its JSON path in the request, and what is wrong with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }

    /** The part of {@code type} after the service's prefix, e.g. {@code invalid-input}. */
    public String kind() {
        return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
    }
}
