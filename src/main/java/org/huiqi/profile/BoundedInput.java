package org.huiqi.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds input to {@link ProfileLimits} while it is read, before anything is built from it: numbers
 * within magnitude and decimal places (so at most 22 significant digits) (a number such as {@code 1e-300000000} would
 * otherwise cost hundreds of megabytes once written out in full), dates within the years, and
 * lists and maps that carry {@code @Size} to their maximum, without null elements — so a body of
 * 200,000 empty projects is refused at the 101st, not after all of them are in memory.
 */
final class BoundedInput {
    private BoundedInput() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("bounded-input");
        module.addDeserializer(BigDecimal.class, new Numbers());
        module.addDeserializer(LocalDate.class, new Dates());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Bounded(type, deserializer, null, 0);
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                             BeanDescription description, JsonDeserializer<?> deserializer) {
                return type.getKeyType().hasRawClass(String.class) ? new Bounded(type, deserializer, null, 0) : deserializer;
            }
        });
        return module;
    }

    /** The reason a number is refused, or null. */
    static String checkNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.abs().compareTo(ProfileLimits.MAX_MAGNITUDE) >= 0) {
            return "must be less than " + ProfileLimits.MAX_MAGNITUDE_TEXT + " (10^12) in magnitude";
        }
        if (stripped.scale() > ProfileLimits.MAX_DECIMALS) {
            return "has more than " + ProfileLimits.MAX_DECIMALS + " decimal places";
        }
        return null;
    }

    /** The reason a date is refused, or null. */
    static String checkDate(LocalDate date) {
        return date.getYear() < ProfileLimits.MIN_YEAR || date.getYear() > ProfileLimits.MAX_YEAR
                ? "must be a date in the years " + ProfileLimits.MIN_YEAR + "–" + ProfileLimits.MAX_YEAR : null;
    }

    private static final class Numbers extends StdDeserializer<BigDecimal> {
        Numbers() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            String problem = value == null ? null : checkNumber(value);
            if (problem != null) throw new InputLimitException(p, problem, BigDecimal.class);
            return value;
        }
    }

    private static final class Dates extends StdDeserializer<LocalDate> {
        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            String problem = date == null ? null : checkDate(date);
            if (problem != null) throw new InputLimitException(p, problem, LocalDate.class);
            return date;
        }
    }

    /**
     * A list or string-keyed map property with {@code @Size(max)}: read element by element, refused
     * at the first element past the maximum and at any null element. Without {@code @Size} the
     * standard deserializer is used.
     */
    private static final class Bounded extends StdDeserializer<Object> implements ContextualDeserializer {
        private final JavaType type;
        private final JsonDeserializer<?> standard;
        private final JsonDeserializer<Object> element;
        private final int max;

        Bounded(JavaType type, JsonDeserializer<?> standard, JsonDeserializer<Object> element, int max) {
            super(type);
            this.type = type;
            this.standard = standard;
            this.element = element;
            this.max = max;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            Size size = property == null ? null : property.getAnnotation(Size.class);
            if (size == null || size.max() == Integer.MAX_VALUE) {
                return standard instanceof ContextualDeserializer contextual ? contextual.createContextual(ctxt, property) : standard;
            }
            return new Bounded(type, standard, ctxt.findContextualValueDeserializer(type.getContentType(), property), size.max());
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return type.isMapLikeType() ? readMap(p, ctxt) : readList(p, ctxt);
        }

        private List<Object> readList(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) return (List<Object>) ctxt.handleUnexpectedToken(type, p);
            List<Object> list = new ArrayList<>();
            for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
                if (list.size() == max) throw new InputLimitException(p, "at most " + max + " items are accepted", List.class);
                try {
                    if (token == JsonToken.VALUE_NULL) {
                        throw new InputLimitException(p, "must not be null; leave out an item that is not known", type.getContentType().getRawClass());
                    }
                    list.add(element.deserialize(p, ctxt));
                } catch (JsonProcessingException e) {
                    throw JsonMappingException.wrapWithPath(e, list, list.size());
                }
            }
            return list;
        }

        private Map<String, Object> readMap(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken() && !p.hasToken(JsonToken.FIELD_NAME)) {
                return (Map<String, Object>) ctxt.handleUnexpectedToken(type, p);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            String key = p.isExpectedStartObjectToken() ? p.nextFieldName() : p.currentName();
            for (; key != null; key = p.nextFieldName()) {
                if (map.size() == max) throw new InputLimitException(p, "at most " + max + " entries are accepted", Map.class);
                JsonToken token = p.nextToken();
                try {
                    if (token == JsonToken.VALUE_NULL) {
                        throw new InputLimitException(p, "must not be null; leave out an entry that is not known", type.getContentType().getRawClass());
                    }
                    map.put(key, element.deserialize(p, ctxt));
                } catch (JsonProcessingException e) {
                    throw JsonMappingException.wrapWithPath(e, map, key);
                }
            }
            return map;
        }
    }
}
