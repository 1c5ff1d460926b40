package nl.samenspel.governance.identity;

import io.micronaut.http.HttpRequest;

/**
 * Which requests may have their login-session check folded into a statement a later step runs
 * anyway, instead of a statement of its own while the token is validated. The step that answers
 * {@code true} owns the check: it must run {@link LoginService#sessionCheck} for every such request
 * before anything of it is answered, and answer 401 when the session has ended.
 */
public interface SessionCheckPostponement {

    /** The request attribute holding the session id whose check was postponed. */
    String POSTPONED_SESSION = "samenspel.session.postponed";

    boolean postponable(HttpRequest<?> request);
}
