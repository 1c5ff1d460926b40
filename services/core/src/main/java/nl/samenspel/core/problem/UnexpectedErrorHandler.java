package nl.samenspel.core.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort for exceptions no more specific handler takes: a database that cannot be reached
 * becomes a 503 with {@code Retry-After}, a database constraint its 409/422; anything else is logged
 * in full and answered with a 500 that says nothing about why.
 */
@Produces
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final ProblemExceptionHandler problems;
    private final ErrorResponseProcessor<?> processor;

    public UnexpectedErrorHandler(ProblemExceptionHandler problems, ErrorResponseProcessor<?> processor) {
        this.problems = problems;
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        var outage = DatabaseOutage.problemFor(exception);
        if (outage.isPresent()) {
            LOG.warn(
                    "{} {}: the database cannot be reached ({})",
                    request.getMethod(),
                    loggable(request),
                    DatabaseConflicts.sqlState(exception)
                            .orElse(exception.getClass().getSimpleName()));
            return problems.handle(request, outage.get());
        }
        var mapped = DatabaseConflicts.problemFor(exception);
        if (mapped.isPresent()) {
            LOG.info(
                    "{} {} ended in a database conflict: {}",
                    request.getMethod(),
                    loggable(request),
                    mapped.get().code());
            return problems.handle(request, mapped.get());
        }
        LOG.error("Unexpected error on {} {}", request.getMethod(), loggable(request), exception);
        return processor.processResponse(
                ErrorContext.builder(request).build(), HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    /** Paths can carry secrets (an invitation token is a credential until used): keep them out of logs. */
    static String loggable(HttpRequest<?> request) {
        return request.getPath().replaceAll("/invitations/[^/]+", "/invitations/…");
    }
}
