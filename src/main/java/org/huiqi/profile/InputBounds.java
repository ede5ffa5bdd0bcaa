package org.huiqi.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The range a profile number can take, read from the validation constraints the records already
 * carry ({@code @PositiveOrZero}, {@code @Min}, {@code @Max}, {@code @DecimalMin}, {@code @DecimalMax}),
 * so the range is written once. An unanswered figure is still unknown, but not unbounded: R&D
 * expense cannot be negative, a share cannot pass 100%. That is what lets a sum whose known parts
 * already reach a threshold be MET while the rest is unanswered.
 */
public final class InputBounds {
    /** {@code low} or {@code high} null: unbounded on that side. */
    public record Range(BigDecimal low, BigDecimal high) {
        static final Range NONE = new Range(null, null);
    }

    private static final Map<String, Range> BY_PATH = new HashMap<>();

    static {
        walk(Profile.class, "");
    }

    private InputBounds() {
    }

    /** The range of the field at a catalog path ({@code financials.{year}.rdExpense}, {@code projects[].totalInvestment}). */
    public static Range of(String catalogPath) {
        return BY_PATH.getOrDefault(catalogPath, Range.NONE);
    }

    private static void walk(Class<?> record, String prefix) {
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + c.getName();
            if (c.getType().isRecord()) {
                walk(c.getType(), path + ".");
            } else if (c.getGenericType() instanceof ParameterizedType p) {
                Class<?> item = raw(p.getActualTypeArguments()[p.getActualTypeArguments().length - 1]);
                String itemPath = c.getType() == List.class ? path + "[]" : path + ".{year}";
                if (item.isRecord()) {
                    walk(item, itemPath + ".");
                } else if (Number.class.isAssignableFrom(item)) {
                    AnnotatedType[] args = ((AnnotatedParameterizedType) c.getAnnotatedType()).getAnnotatedActualTypeArguments();
                    put(itemPath, args[args.length - 1]);
                }
            } else if (Number.class.isAssignableFrom(c.getType())) {
                put(path, c.getAccessor());
            }
        }
    }

    private static void put(String path, AnnotatedElement constrained) {
        BigDecimal low = null;
        BigDecimal high = null;
        if (constrained.isAnnotationPresent(PositiveOrZero.class)) low = BigDecimal.ZERO;
        Min min = constrained.getAnnotation(Min.class);
        if (min != null) low = BigDecimal.valueOf(min.value());
        DecimalMin decimalMin = constrained.getAnnotation(DecimalMin.class);
        if (decimalMin != null) low = new BigDecimal(decimalMin.value());
        Max max = constrained.getAnnotation(Max.class);
        if (max != null) high = BigDecimal.valueOf(max.value());
        DecimalMax decimalMax = constrained.getAnnotation(DecimalMax.class);
        if (decimalMax != null) high = new BigDecimal(decimalMax.value());
        if (low != null || high != null) BY_PATH.put(path, new Range(low, high));
    }

    private static Class<?> raw(java.lang.reflect.Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
