package org.huiqi.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.huiqi.profile.ProfileLimits;

/** Checks request bodies and query parameters, answering 400 with every bad field named. */
@ApplicationScoped
public class RequestValidator {
    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T body(T body) {
        if (body == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("", "a JSON request body is required"))));
        }
        List<Problem.FieldError> errors = validator.validate(body).stream()
                .map(v -> new Problem.FieldError(JsonPaths.of(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        if (!errors.isEmpty()) throw new ProblemException(Problem.invalid(errors));
        return body;
    }

    /** A date query parameter; absent means {@code fallback}. */
    public static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) return fallback;
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
        if (date.getYear() < ProfileLimits.MIN_YEAR || date.getYear() > ProfileLimits.MAX_YEAR) {
            throw invalid(name, "must be a date in the years " + ProfileLimits.MIN_YEAR + "–" + ProfileLimits.MAX_YEAR);
        }
        return date;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.FieldError(field, message))));
    }
}
