package org.huiqi.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.huiqi.profile.ProfileLimits;

/**
 * The bounds of {@link ProfileLimits} that no annotation carries into the OpenAPI document: every
 * number of a profile is below 10^12 in magnitude with at most 10 decimals, every date lies in the
 * allowed years, the year-keyed maps have at most so many years, and {@code inputs} at most so
 * many scalar answers under short ids. (List sizes, string lengths
 * and counts come from their {@code @Size}/{@code @Max} annotations.)
 */
final class OpenApiLimits {
    /** The request-side schemas: numbers in answers (amounts) are not bounded this way. */
    private static final Set<String> PROFILE_SCHEMAS = Set.of("Profile", "YearFigures", "ProjectInput", "QuarterOutput",
            "IntellectualProperty", "Award", "Certification");
    private static final Set<String> YEAR_MAPS = Set.of("financials", "equityFinancing");
    private static final BigDecimal STEP = BigDecimal.ONE.movePointLeft(ProfileLimits.MAX_DECIMALS);

    private OpenApiLimits() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) return;
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema date = schemas.get("LocalDate");
        if (date != null) {
            date.setDescription("A date, YYYY-MM-DD, in the years " + ProfileLimits.MIN_YEAR + "–" + ProfileLimits.MAX_YEAR);
        }
        inputs(schemas);
        for (String name : PROFILE_SCHEMAS) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) continue;
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                bound(property.getValue());
                if (YEAR_MAPS.contains(property.getKey())) {
                    property.getValue().setMaxProperties(ProfileLimits.MAX_YEARS);
                    property.getValue().setPropertyNames(org.eclipse.microprofile.openapi.OASFactory.createSchema()
                            .pattern(yearPattern(ProfileLimits.MIN_YEAR, ProfileLimits.MAX_YEAR))
                            .description("A four-digit year, " + ProfileLimits.MIN_YEAR + "–" + ProfileLimits.MAX_YEAR));
                    if (property.getValue().getAdditionalPropertiesSchema() != null) bound(property.getValue().getAdditionalPropertiesSchema());
                }
            }
        }
    }

    /**
     * {@code profile.inputs}: at most so many answers, ids of at most so many characters, and each
     * answer a scalar (InputAnswer, the schema every JsonNode is documented as).
     */
    private static void inputs(Map<String, Schema> schemas) {
        Schema profile = schemas.get("Profile");
        Schema inputs = profile == null || profile.getProperties() == null ? null : profile.getProperties().get("inputs");
        if (inputs != null) {
            inputs.setMaxProperties(ProfileLimits.MAX_INPUTS);
            inputs.setPropertyNames(OASFactory.createSchema().maxLength(ProfileLimits.MAX_INPUT_ID_LENGTH));
        }
        Schema answer = schemas.get("InputAnswer");
        if (answer != null) {
            answer.setType(List.of(Schema.SchemaType.NUMBER, Schema.SchemaType.BOOLEAN, Schema.SchemaType.STRING, Schema.SchemaType.OBJECT,
                    Schema.SchemaType.NULL));
            answer.setMaxLength(ProfileLimits.MAX_INPUT_TEXT_LENGTH);
            bound(answer);
            // a per-year input's answer: numbers keyed by year, like financials
            answer.setMaxProperties(ProfileLimits.MAX_YEARS);
            answer.setPropertyNames(OASFactory.createSchema().pattern("^\\d{4}$"));
            Schema yearly = OASFactory.createSchema().type(List.of(Schema.SchemaType.NUMBER, Schema.SchemaType.NULL));
            bound(yearly);
            answer.setAdditionalPropertiesSchema(yearly);
        }
    }

    private static void bound(Schema number) {
        List<Schema.SchemaType> type = number.getType();
        if (type == null || !type.contains(Schema.SchemaType.NUMBER)) return;
        if (number.getMaximum() == null) number.setExclusiveMaximum(ProfileLimits.MAX_MAGNITUDE);
        if (number.getMinimum() == null) number.setExclusiveMinimum(ProfileLimits.MAX_MAGNITUDE.negate());
        if (number.getMultipleOf() == null) number.setMultipleOf(STEP);
    }

    /** A pattern matching exactly the four-digit years {@code from}–{@code to}: whole decades as ranges, the rest one by one. */
    static String yearPattern(int from, int to) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int year = from;
        while (year <= to) {
            if (year % 10 == 0 && year + 9 <= to) {
                parts.add((year / 10) + "[0-9]");
                year += 10;
            } else {
                parts.add(Integer.toString(year));
                year++;
            }
        }
        return "^(" + String.join("|", parts) + ")$";
    }
}
