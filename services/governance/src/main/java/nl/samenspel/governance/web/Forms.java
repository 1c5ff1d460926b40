package nl.samenspel.governance.web;

import io.micronaut.http.HttpStatus;
import jakarta.validation.ConstraintViolation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;

/**
 * Reading browser forms as typed: every value a string, unreadable ones reported as field errors
 * (field → message key) instead of failing the request. Shared by the page controllers.
 */
public final class Forms {

    private Forms() {}

    /** A label for the error summary when a field's label is not simply {@code field.<id>} (table rows). */
    public record Label(String key, Object... args) {}

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }

    public static boolean checked(String value) {
        return !blank(value);
    }

    /** One value of a form read as a map; a repeated field yields its first value. */
    public static String one(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? null : String.valueOf(values.iterator().next());
        }
        return value == null ? null : value.toString();
    }

    /** Every value of a repeated field (checkboxes with one name). */
    public static List<String> all(Map<String, Object> form, String name) {
        Object value = form.get(name);
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(v -> values.add(String.valueOf(v)));
        } else if (value != null) {
            values.add(value.toString());
        }
        return values;
    }

    /** A date from an {@code <input type=date>}; blank is null, anything else unreadable an error. */
    public static LocalDate date(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "error.date");
            return null;
        }
    }

    public static Integer whole(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "error.whole-number");
            return null;
        }
    }

    /** A time of day from an {@code <input type=time>} (14:30); blank is null. */
    public static java.time.LocalTime time(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return java.time.LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "error.time");
            return null;
        }
    }

    /** An id from a select or hidden field; blank is null, anything else unreadable an error. */
    public static java.util.UUID uuid(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, "error.invalid");
            return null;
        }
    }

    /** Submitted values to show again in a re-rendered form, from field/value pairs. */
    public static Map<String, String> values(String... fieldsAndValues) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return values;
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, "error.invalid");
            return null;
        }
    }

    /** Bean Validation of a request, each violation under the form's name for the property. */
    public static <T> void validate(
            jakarta.validation.Validator validator,
            T request,
            Function<String, String> fieldOf,
            Map<String, String> errors) {
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            String property = violation.getPropertyPath().toString();
            errors.putIfAbsent(fieldOf.apply(property), constraintKey(violation));
        }
    }

    public static String constraintKey(ConstraintViolation<?> violation) {
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "error.required";
            case "PlainText" -> "error.plain-text";
            case "Size" -> "error.too-long";
            case "Pattern" -> "error.article-number";
            default -> "error.invalid";
        };
    }

    /** The errors in the order the fields appear on the page, so the summary reads like the form. */
    public static Map<String, String> ordered(Map<String, String> errors, List<String> fields) {
        Map<String, String> ordered = new LinkedHashMap<>();
        fields.stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /**
     * A service refusal a form can show: rule errors (422) and conflicts (409). Anything else (403,
     * 404) is rethrown and becomes an error page.
     */
    public record Refusal(HttpStatus status, Map<String, String> errors, String general) {}

    public static Refusal refusal(
            ProblemException e, Function<String, String> fieldOf, Function<String, String> messageKey) {
        if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY && e.status() != HttpStatus.CONFLICT) {
            throw e;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError fe : e.errors()) {
            errors.put(fieldOf.apply(fe.field()), messageKey.apply(fe.code()));
        }
        return new Refusal(e.status(), errors, errors.isEmpty() ? messageKey.apply(e.code()) : null);
    }

    /** "error." + code when the bundles have a text for the code, else a general "invalid". */
    public static Function<String, String> knownCodes(java.util.Set<String> codes) {
        return code -> codes.contains(code) ? "error." + code : "error.invalid";
    }
}
