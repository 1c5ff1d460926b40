package nl.samenspel.documents;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.problem.ProblemExceptionHandler;

/** Refused input becomes problem+json: 400 when the body is not what the endpoint reads at all, 422 otherwise. */
@Produces
@Singleton
public class DocumentRejectedHandler implements ExceptionHandler<DocumentRejectedException, HttpResponse<?>> {

    private static final Set<String> UNREADABLE = Set.of("pdf.missing", "pdf.not-pdf", "request.unreadable");

    private final ProblemExceptionHandler problems;

    public DocumentRejectedHandler(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DocumentRejectedException exception) {
        return problems.handle(request, problem(exception));
    }

    /** The refusal as core's problem, for callers that run the documents code in-process. */
    public static ProblemException problem(DocumentRejectedException exception) {
        HttpStatus status =
                UNREADABLE.contains(exception.code()) ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        List<FieldError> errors = exception.field() == null
                ? List.of()
                : List.of(new FieldError(exception.field(), exception.code(), exception.getMessage()));
        return new ProblemException(status, exception.code(), exception.getMessage(), errors);
    }
}
