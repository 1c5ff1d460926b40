package nl.samenspel.governance.documents;

import io.micronaut.http.HttpStatus;
import nl.samenspel.core.problem.ProblemException;

/**
 * The documents service could not be reached, timed out or said it is unavailable (502, 503, 504). The
 * call may be repeated as it was; uncaught, it reaches governance's caller as a 503 problem with
 * {@code Retry-After}.
 */
public class DocumentsUnavailableException extends ProblemException {

    public static final String CODE = "documents.unavailable";

    public DocumentsUnavailableException() {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                CODE,
                "The documents service cannot be reached at the moment; try again in a minute.");
        withHeader("Retry-After", "60");
    }
}
