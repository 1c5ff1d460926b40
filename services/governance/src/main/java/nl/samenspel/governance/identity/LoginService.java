package nl.samenspel.governance.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;

/** Password login for the API and the web UI: throttling, session, signed token. */
@Singleton
public class LoginService {

    public static final String SESSION_CLAIM = "sid";
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private final AccountRepository accounts;
    private final LoginSessionRepository sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TokenGenerator tokens;
    private final Clock clock;
    private final Duration lifetime;
    private final Counter failures;

    public LoginService(
            AccountRepository accounts,
            LoginSessionRepository sessions,
            PasswordHasher hasher,
            LoginThrottle throttle,
            TokenGenerator tokens,
            Clock clock,
            @Nullable MeterRegistry meters,
            @Value("${micronaut.security.token.jwt.generator.access-token.expiration:28800}") int lifetimeSeconds) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = Duration.ofSeconds(lifetimeSeconds);
        this.failures = Counter.builder("samenspel.login.failures")
                .description(
                        "Password checks that failed: wrong e-mail address or password (not the 429s of a locked address)")
                .register(meters == null ? Metrics.globalRegistry : meters);
    }

    public record LoggedIn(Account account, String token, long expiresInSeconds) {}

    public LoggedIn login(String email, String password) {
        return startSession(verify(email, password));
    }

    /**
     * The account whose password this is, under the same throttle as a login: 401 when wrong, 429
     * while the address is locked. Whether the address exists is never told apart.
     */
    public Account verify(String email, String password) {
        String key = Account.normalizeEmail(email);
        if (key.chars().anyMatch(Character::isISOControl)) {
            failures.increment();
            throw invalidCredentials();
        }
        int attempts = throttle.begin(key);
        Optional<Account> account = key.isEmpty() ? Optional.empty() : accounts.findByEmail(key);
        boolean ok = hasher.matches(password, account.map(Account::passwordHash).orElse(null));
        if (!ok) {
            throttle.failed(key, attempts);
            failures.increment();
            throw invalidCredentials();
        }
        throttle.clear(key);
        return account.get();
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(
                HttpStatus.UNAUTHORIZED, "auth.invalid-credentials", "The e-mail address or password is wrong.");
    }

    /** Logs in an account that has just proven itself another way (accepting an invitation). */
    public LoggedIn startSession(Account account) {
        Instant now = clock.instant();
        LoginSession session =
                sessions.save(new LoginSession(UUID.randomUUID(), account.id(), now, now.plus(lifetime), null));
        Authentication authentication = Authentication.build(
                account.id().toString(),
                account.platformAdmin() ? List.of(PLATFORM_ADMIN) : List.of(),
                Map.of(
                        SESSION_CLAIM,
                        session.id().toString(),
                        "email",
                        account.email(),
                        "name",
                        account.displayName()));
        String token = tokens.generateToken(authentication, (int) lifetime.toSeconds())
                .orElseThrow(() -> new IllegalStateException("no token generated"));
        return new LoggedIn(account, token, lifetime.toSeconds());
    }

    public void logout(Authentication authentication) {
        Object sid = authentication.getAttributes().get(SESSION_CLAIM);
        if (sid != null) {
            sessions.revoke(UUID.fromString(sid.toString()), clock.instant());
        }
    }

    /** A login session to be checked inside another statement, as of now. */
    public record SessionCheck(UUID sessionId, Instant at) {}

    /**
     * The check of a postponed session ({@link SessionCheckPostponement}) for a statement to run; 401
     * for an id that is not one.
     */
    public SessionCheck sessionCheck(String sessionId) {
        try {
            return new SessionCheck(UUID.fromString(sessionId), clock.instant());
        } catch (IllegalArgumentException e) {
            throw sessionEnded();
        }
    }

    /** What a request whose session has ended gets: the same 401 as a request without a token. */
    public static ProblemException sessionEnded() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "auth.required", "Log in first.");
    }

    public boolean sessionActive(String sessionId) {
        try {
            return sessions.activeAt(UUID.fromString(sessionId), clock.instant());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
