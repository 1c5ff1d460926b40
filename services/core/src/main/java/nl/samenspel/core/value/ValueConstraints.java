package nl.samenspel.core.value;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

@Factory
class ValueConstraints {

    @Singleton
    ConstraintValidator<ValidRsin, String> rsinValidator() {
        return (value, annotation, context) -> value == null || Rsin.isValid(value);
    }

    @Singleton
    ConstraintValidator<PlainText, String> plainTextValidator() {
        return (value, annotation, context) -> value == null || value.chars().noneMatch(Character::isISOControl);
    }

    @Singleton
    ConstraintValidator<ValidKvkNumber, String> kvkValidator() {
        return (value, annotation, context) -> value == null || KvkNumber.isValid(value);
    }
}
