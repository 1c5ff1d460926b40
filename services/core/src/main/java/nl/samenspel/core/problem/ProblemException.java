package nl.samenspel.core.problem;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * A domain error with a stable code, mapped to an HTTP status in one place. The message is meant for
 * the user and must never carry SQL, class names or stack detail.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldError> errors;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ProblemException(HttpStatus status, String code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, code, detail);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, detail);
    }

    /** A 422 for a request that is well-formed but breaks a rule about one field. */
    public static ProblemException invalidField(String field, String code, String message) {
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_ENTITY, code, message, List.of(new FieldError(field, code, message)));
    }

    /** Adds a response header, e.g. {@code Retry-After} on a 429. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public java.util.Map<String, String> headers() {
        return java.util.Collections.unmodifiableMap(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
