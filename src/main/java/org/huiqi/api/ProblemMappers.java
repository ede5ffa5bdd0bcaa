package org.huiqi.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.huiqi.evaluation.RuleFiringLimitException;
import org.huiqi.profile.InputLimitException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes a problem document. Input errors name the field as a JSON path; nothing
 * ever answers with a stack trace.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    // The REST layer ships its own mappers for these Jackson types (answering plain JSON); mapping each
    // type by name makes ours the closest match, so every body error is a problem document.
    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return problemOf(e).toResponse();
    }

    /** The problem a body that Jackson cannot read is: a syntax error, or a field of the wrong type or name. */
    public static Problem problemOf(JsonProcessingException e) {
        JsonParseException parse = syntaxError(e);
        String duplicate = parse == null ? null : duplicateField(parse);
        if (duplicate != null) {
            String parent = e instanceof JsonMappingException mapping ? JsonPaths.of(mapping.getPath()) : "";
            return Problem.invalid(List.of(new Problem.FieldError(parent.isEmpty() ? duplicate : parent + "." + duplicate,
                    "appears more than once; send each field once")));
        }
        if (parse != null) {
            String where = parse.getLocation() == null ? "" : " at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr();
            return Problem.of("malformed-json", "Malformed JSON", 400,
                    "the request body is not valid JSON" + where + ": " + parse.getOriginalMessage());
        }
        String field = e instanceof JsonMappingException mapping ? JsonPaths.of(mapping.getPath()) : "";
        return Problem.invalid(List.of(new Problem.FieldError(field, message(e))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) return unreadableJson(json);
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return Problem.of("http-" + status, title, status, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response runawayRule(RuleFiringLimitException e) {
        LOG.errorf("runaway rule in measure %s: %s", e.measureId(), e.getMessage());
        return problemOf(e).toResponse();
    }

    /** The problem a runaway rule answers with, in a single response or a batch line. */
    public static Problem problemOf(RuleFiringLimitException e) {
        return new Problem("https://huiqi.org/problems/rule-firing-limit", "Rule firing limit reached", 500,
                "measure " + e.measureId() + ": " + e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return Problem.of("internal", "Internal error", 500,
                "the service could not complete the request; it has been logged").toResponse();
    }

    /** The syntax error behind {@code e}, if any: Jackson wraps it when it happens inside an object. */
    private static JsonParseException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException parse) return parse;
        }
        return null;
    }

    /** The limit of the JSON reader (nesting, lengths) that {@code e} is, or wraps. */
    private static StreamConstraintsException readerLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) return limit;
        }
        return null;
    }

    /** The field named twice, when that is the syntax error (the reader detects duplicate keys). */
    private static String duplicateField(JsonParseException parse) {
        String message = parse.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field '")) return null;
        int end = message.indexOf('\'', "Duplicate field '".length());
        return end < 0 ? null : message.substring("Duplicate field '".length(), end);
    }

    private static String message(JsonProcessingException e) {
        if (e instanceof InputLimitException limit) return limit.getOriginalMessage();
        StreamConstraintsException constraint = readerLimit(e);
        // "Document nesting depth (33) exceeds the maximum allowed (32, from `StreamReadConstraints…`)": the limit, without the Java.
        if (constraint != null) return constraint.getOriginalMessage().replaceFirst(", from `[^`]*`\\)", ")");
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'; known fields: " + u.getKnownPropertyIds();
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + f.getValue() + "' is not one of " + List.of(target.getEnumConstants());
            }
            return "'" + f.getValue() + "' is not a valid " + describe(target);
        }
        if (e instanceof MismatchedInputException m) {
            return "expected " + describe(m.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (type == null) return "value";
        if (type == java.time.LocalDate.class) return "date (YYYY-MM-DD)";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return type == Integer.class || type == int.class ? "whole number" : "number";
        }
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "string";
        if (List.class.isAssignableFrom(type)) return "array";
        if (type.isEnum()) return "one of " + List.of(type.getEnumConstants());
        return "object";
    }
}
