package org.huiqi.profile;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** A map keyed by four-digit years, such as {@code financials}. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = YearKeys.Validator.class)
public @interface YearKeys {
    String message() default "keys must be four-digit years, such as \"2025\"";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<YearKeys, Map<String, ?>> {
        @Override
        public boolean isValid(Map<String, ?> map, ConstraintValidatorContext context) {
            if (map == null) return true;
            boolean valid = true;
            for (String key : map.keySet()) {
                if (!isYear(key)) {
                    valid = false;
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("'" + key.replace("{", "").replace("$", "")
                            + "' is not a year " + ProfileLimits.MIN_YEAR + "–" + ProfileLimits.MAX_YEAR).addConstraintViolation();
                }
            }
            return valid;
        }

        static boolean isYear(String key) {
            if (!key.matches("\\d{4}")) return false;
            int year = Integer.parseInt(key);
            return year >= ProfileLimits.MIN_YEAR && year <= ProfileLimits.MAX_YEAR;
        }
    }
}
