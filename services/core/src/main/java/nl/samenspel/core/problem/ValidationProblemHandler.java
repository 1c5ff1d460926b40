package nl.samenspel.core.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

/** A well-formed request with invalid fields is a 422 listing every offending field. */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ValidationProblemHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    public ValidationProblemHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        return processor.processResponse(
                ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY));
    }
}
