package nl.samenspel.governance.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The net under {@link SessionCheckPostponement}: a request whose session check was handed on but
 * never made, because it was answered before the step that makes it ran (a query value that does not
 * convert is a 400 before any route argument is bound), has its session checked here, and gets the
 * 401 of an ended session instead of that answer when it has ended. A request whose route ran was
 * checked by then ({@link SessionCheckPostponement#markChecked}); for those nothing happens here.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PostponedSessionNet {

    private final LoginService logins;
    private final Executor blocking;

    PostponedSessionNet(LoginService logins, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.logins = logins;
        this.blocking = blocking;
    }

    @ResponseFilter
    CompletionStage<MutableHttpResponse<?>> checkWhatWasNotChecked(
            HttpRequest<?> request, MutableHttpResponse<?> response) {
        String sid = request.getAttribute(SessionCheckPostponement.POSTPONED_SESSION, String.class)
                .orElse(null);
        if (sid == null
                || request.getAttribute(SessionCheckPostponement.CHECKED).isPresent()
                || response.code() == HttpStatus.UNAUTHORIZED.getCode()) {
            return CompletableFuture.completedFuture(response);
        }
        // A failure here becomes an error response like any other (ProblemBodyProvider): the same
        // 401 body as a request without a token.
        return CompletableFuture.supplyAsync(
                () -> {
                    if (!logins.sessionActive(sid)) {
                        throw LoginService.sessionEnded();
                    }
                    return response;
                },
                blocking);
    }
}
