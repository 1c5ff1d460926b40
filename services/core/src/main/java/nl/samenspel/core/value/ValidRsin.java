package nl.samenspel.core.value;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Nine digits passing the elfproef; {@code null} is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface ValidRsin {
    String message() default "must be nine digits that pass the elfproef";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
