package org.huiqi.profile;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An 18-character unified social credit code whose check character is right (GB 32100-2015). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CreditCode.Validator.class)
public @interface CreditCode {
    String message() default "is not a valid unified social credit code (GB 32100-2015): 18 characters with a correct check character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CreditCode, String> {
        /** The code's alphabet: digits and capital letters without I, O, S, V, Z. */
        static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || isValid(code);
        }

        public static boolean isValid(String code) {
            if (code.length() != 18) return false;
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                int value = ALPHABET.indexOf(code.charAt(i));
                if (value < 0) return false;
                sum += value * WEIGHTS[i];
            }
            int check = (31 - sum % 31) % 31;
            return code.charAt(17) == ALPHABET.charAt(check);
        }
    }
}
