package nl.samenspel.governance.identity;

import io.micronaut.http.HttpRequest;

/**
 * Which requests may have their login-session check folded into a statement a later step runs
 * anyway, instead of a statement of its own while the token is validated. The step that answers
 * {@code true} owns the check: it must run {@link LoginService#sessionCheck} for every such request
 * before anything of it is answered, and answer 401 when the session has ended, and mark it
 * ({@link #markChecked}); a request answered before that step ran is checked by
 * {@link PostponedSessionNet}.
 */
public interface SessionCheckPostponement {

    /** The request attribute holding the session id whose check was postponed. */
    String POSTPONED_SESSION = "samenspel.session.postponed";

    /** The request attribute saying the postponed check was made (see {@link PostponedSessionNet}). */
    String CHECKED = "samenspel.session.checked";

    boolean postponable(HttpRequest<?> request);

    /** For the step that made the postponed check, whatever it found. */
    static void markChecked(HttpRequest<?> request) {
        request.setAttribute(CHECKED, Boolean.TRUE);
    }
}
