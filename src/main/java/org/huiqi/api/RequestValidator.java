package org.huiqi.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProjectInput;
import org.huiqi.rules.InputDeclaration;
import org.huiqi.rules.RuleSet;
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

    /**
     * The answers under {@code profile.inputs} against the inputs the serving rule set declares:
     * an unknown id or a wrong type is a 400 naming {@code profile.inputs.<id>}, never ignored; and
     * the region codes against its reference data (a code that names no region: 400 naming
     * {@code profile.regionCode} or {@code profile.projects[i].regionCode}).
     */
    public static void inputs(RuleSet ruleSet, Profile profile) {
        if (profile == null) return;
        List<Problem.FieldError> errors = new ArrayList<>();
        regions(ruleSet, profile, errors);
        if (profile.inputs() != null) profile.inputs().forEach((id, value) -> {
            InputDeclaration declared = ruleSet.inputs().get(id);
            String message = declared == null ? "no measure declares an input '" + id + "'" : declared.reject(value);
            if (message != null) errors.add(new Problem.FieldError("profile." + InputDeclaration.PREFIX + id, message));
        });
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw new ProblemException(Problem.invalid(errors));
        }
    }

    /**
     * Region codes against the serving rule set's GB/T 2260 list: six digits that name no region
     * (450499) would otherwise be read as the city their digits begin with. The industry code against
     * reference/industries.yaml, at its granularity (section, division, and the classes of the groups it lists).
     */
    private static void regions(RuleSet ruleSet, Profile profile, List<Problem.FieldError> errors) {
        String industry = profile.industryCode();
        if (industry != null && industry.matches("[A-T](\\d{2}(\\d{1,2})?)?") && !ruleSet.pickLists().knowsIndustry(industry)) {
            errors.add(new Problem.FieldError("profile.industryCode", "'" + industry + "' is not a GB/T 4754-2017 section, division or class "
                    + "(GET /api/v1/reference/industries lists them)"));
        }
        if (!ruleSet.knowsEveryRegion()) return;
        region(ruleSet, "profile.regionCode", profile.regionCode(), errors);
        if (profile.projects() == null) return;
        for (int i = 0; i < profile.projects().size(); i++) {
            ProjectInput project = profile.projects().get(i);
            if (project != null) region(ruleSet, "profile.projects[" + i + "].regionCode", project.regionCode(), errors);
        }
    }

    private static void region(RuleSet ruleSet, String field, String code, List<Problem.FieldError> errors) {
        if (code != null && code.matches("\\d{6}") && !ruleSet.places().byCode().containsKey(code)) {
            errors.add(new Problem.FieldError(field, "'" + code + "' is not a GB/T 2260 region code (GET /api/v1/reference/regions lists them)"));
        }
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
