package org.huiqi.profile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How profiles are read, wherever they come from (the API, scenario files): strictly. A fraction
 * sent for a whole number, "12" sent for a number, or a misspelt field is an error naming the
 * field, not a silent truncation, guess or omission. Duplicate keys are refused, and numbers,
 * dates, lists and maps are held to {@link ProfileLimits} while they are read ({@link BoundedInput}).
 */
public final class ProfileJson {
    private ProfileJson() {
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        // After the Java-time module, so its date reader is the bounded one.
        mapper.registerModule(BoundedInput.module());
        // {"rdExpense": 1, "rdExpense": 900}: which one did the caller mean? Neither is guessed.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return mapper;
    }
}
