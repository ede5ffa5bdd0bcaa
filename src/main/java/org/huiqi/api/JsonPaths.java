package org.huiqi.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.List;

/** Field names in errors, written as JSON paths of the request body: {@code profile.financials.2024.rdExpense}. */
public final class JsonPaths {
    private JsonPaths() {
    }

    static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) append(path, ref.getFieldName());
            else if (ref.getIndex() >= 0) path.append('[').append(ref.getIndex()).append(']');
        }
        return path.toString();
    }

    public static String of(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKey() != null) append(path, node.getKey().toString());
            else if (node.getIndex() != null) path.append('[').append(node.getIndex()).append(']');
            if (node.getName() != null && !node.getName().startsWith("<")) append(path, node.getName());
        }
        return path.toString();
    }

    private static void append(StringBuilder path, String name) {
        if (!path.isEmpty()) path.append('.');
        path.append(name);
    }
}
