package nl.samenspel.core.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders every JSON error response of the service — ours and the framework's — as
 * {@code application/problem+json}. Detail text comes only from our own exceptions and constraint
 * messages; anything else gets a fixed sentence per status, so no SQL, class name or parser detail
 * reaches a client.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ProblemException problem) {
            return problem(status, problem.code(), problem.getMessage(), problem.errors());
        }
        if (cause instanceof ConstraintViolationException violations) {
            return problem(status, "request.invalid", "The request has invalid fields.", fieldErrors(violations));
        }
        return problem(status, codeFor(status), detailFor(status), List.of());
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }

    static Problem problem(int status, String code, String detail, List<FieldError> errors) {
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        return new Problem("about:blank", httpStatus.getReason(), status, detail, code, errors);
    }

    static List<FieldError> fieldErrors(ConstraintViolationException exception) {
        return exception.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), constraintCode(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::code))
                .toList();
    }

    /** "create.request.kvkNumber" (method, argument, property) becomes "kvkNumber". */
    static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    static String constraintCode(ConstraintViolation<?> violation) {
        String name = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return switch (name) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            default -> name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        };
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "request.unreadable";
            case 401 -> "auth.required";
            case 403 -> "auth.forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "request.too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> status >= 500 ? "internal" : "request.rejected";
        };
    }

    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: the JSON is malformed or a value has the wrong type.";
            case 401 -> "Log in first.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Nothing was found at this address.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request body is too large.";
            case 415 -> "This content type is not accepted here.";
            default -> status >= 500
                    ? "Something went wrong on our side. It has been logged."
                    : "The request was rejected.";
        };
    }
}
