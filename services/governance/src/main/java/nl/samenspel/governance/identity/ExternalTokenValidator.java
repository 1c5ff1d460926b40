package nl.samenspel.governance.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JWT from the external OpenID Connect provider counts as a login of the account that has its verified
 * e-mail address. It is its own validator, beside micronaut-security-jwt's for our own tokens: that one's
 * claims validators (the session check) never see these tokens, and this one accepts public-key signatures
 * by the provider's JWKS only, so none of our HMAC tokens, with or without a session, can pass here.
 */
@Context
@Singleton
@Requires(beans = ExternalLoginConfiguration.class)
class ExternalTokenValidator implements TokenValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalTokenValidator.class);
    private static final int SEEN_LIMIT = 10_000;

    private final ExternalLoginConfiguration.Settings settings;
    private final AccountRepository accounts;
    private final Clock clock;
    private final Executor blocking;
    private final JWKSource<SecurityContext> keys;
    private final DefaultJWTProcessor<SecurityContext> processor;
    /** Tokens seen since start (SHA-256 → expiry), so a login is logged once, not on every request. */
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    ExternalTokenValidator(
            ExternalLoginConfiguration configuration,
            AccountRepository accounts,
            Clock clock,
            @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.settings = configuration.check();
        this.accounts = accounts;
        this.clock = clock;
        this.blocking = blocking;
        int timeout = settings.jwksTimeoutMillis();
        // Nimbus's defaults: cached 5 minutes and refreshed ahead; refetched, rate-limited per 30 seconds,
        // when a token names a key id it does not know (key rotation).
        this.keys = JWKSourceBuilder.<SecurityContext>create(
                        settings.jwksUrl(),
                        new DefaultResourceRetriever(timeout, timeout, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
                .build();
        DefaultJWTClaimsVerifier<SecurityContext> claims =
                new DefaultJWTClaimsVerifier<>(
                        // Nimbus asks these sets whether they contain null, which Set.of answers with an NPE.
                        new HashSet<>(List.of(settings.audience())),
                        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                        new HashSet<>(List.of("iss", "aud", "exp")),
                        null) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        claims.setMaxClockSkew(settings.clockSkewSeconds());
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(settings.algorithms(), keys));
        processor.setJWTClaimsSetVerifier(claims);
        // ID tokens and most access tokens say "JWT" or nothing; RFC 9068 access tokens say "at+jwt".
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        LOG.info(
                "external login enabled: issuer {}, audience {}, keys from {}, e-mail from claim '{}'",
                settings.issuer(),
                settings.audience(),
                settings.jwksUrl(),
                settings.emailClaim());
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        JWT jwt;
        String claimedIssuer;
        try {
            jwt = JWTParser.parse(token);
            JWTClaimsSet unverified =
                    jwt instanceof SignedJWT || jwt instanceof com.nimbusds.jwt.PlainJWT ? jwt.getJWTClaimsSet() : null;
            claimedIssuer = unverified == null ? null : unverified.getIssuer();
        } catch (ParseException e) {
            return Publishers.empty();
        }
        boolean publicKeySigned = jwt instanceof SignedJWT signed
                && ExternalLoginConfiguration.PUBLIC_KEY_ALGORITHMS.contains(
                        signed.getHeader().getAlgorithm());
        if (!publicKeySigned && !settings.issuer().equals(claimedIssuer)) {
            // One of our own (HMAC) tokens, or rubbish: not for this validator to judge or log.
            return Publishers.empty();
        }
        if (!(jwt instanceof SignedJWT signed)
                || !settings.algorithms().contains(signed.getHeader().getAlgorithm())) {
            refused("algorithm " + jwt.getHeader().getAlgorithm() + " is not allowed", null);
            return Publishers.empty();
        }
        // The key set may have to be fetched and the account is read from the database: not on the event loop.
        return Publishers.fromCompletableFuture(
                () -> CompletableFuture.supplyAsync(() -> authenticate(token, signed), blocking));
    }

    private Authentication authenticate(String token, SignedJWT jwt) {
        try {
            JWTClaimsSet claims = processor.process(jwt, null);
            return login(token, claims).orElse(null);
        } catch (KeySourceException e) {
            LOG.warn(
                    "external token refused: the key set at {} could not be read: {}",
                    settings.jwksUrl(),
                    e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            refused(e.getMessage(), null);
        } catch (RuntimeException e) {
            // A refusal, never an error: the other validator may still accept the token.
            LOG.warn("external token refused: {}", e.toString());
        }
        return null;
    }

    private Optional<Authentication> login(String token, JWTClaimsSet claims) {
        String subject = claims.getSubject();
        Object verified = claims.getClaim("email_verified");
        if (!(Boolean.TRUE.equals(verified) || (verified == null && !settings.requireEmailVerified()))) {
            refused(verified == null ? "no email_verified claim" : "email_verified is not true", subject);
            return Optional.empty();
        }
        if (!(claims.getClaim(settings.emailClaim()) instanceof String raw)) {
            refused("no string claim '" + settings.emailClaim() + "'", subject);
            return Optional.empty();
        }
        String email = Account.normalizeEmail(raw);
        if (email.isEmpty() || email.length() > 254 || email.chars().anyMatch(Character::isISOControl)) {
            refused("claim '" + settings.emailClaim() + "' is no usable e-mail address", subject);
            return Optional.empty();
        }
        // Accounts come from invitations only: a verified address without an account is no login.
        Optional<Account> found = accounts.findByEmail(email);
        if (found.isEmpty()) {
            refused("no account has the verified e-mail address", subject);
            return Optional.empty();
        }
        Account account = found.get();
        if (firstUse(token, claims.getExpirationTime().toInstant())) {
            LOG.info(
                    "external login: account {} (subject {} of {})",
                    account.id(),
                    printable(subject),
                    settings.issuer());
        }
        return Optional.of(Authentication.build(
                account.id().toString(),
                account.platformAdmin() ? List.of(LoginService.PLATFORM_ADMIN) : List.of(),
                Map.of("email", account.email(), "name", account.displayName(), "idp", settings.issuer())));
    }

    private boolean firstUse(String token, Instant expiresAt) {
        if (seen.size() >= SEEN_LIMIT) {
            Instant now = clock.instant();
            seen.values().removeIf(expiry -> expiry.isBefore(now));
            if (seen.size() >= SEEN_LIMIT) {
                seen.clear();
            }
        }
        return seen.putIfAbsent(sha256(token), expiresAt) == null;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reason and, once the signature holds, the provider's subject; never the token. */
    private static void refused(String reason, String subject) {
        LOG.info(
                "external token refused: {}{}",
                printable(reason),
                subject == null ? "" : " (subject " + printable(subject) + ")");
    }

    /** Header and claim values come from the caller: no line breaks or escapes into the log, and not too much. */
    private static String printable(String text) {
        String line = text == null
                ? ""
                : text.codePoints()
                        .map(c -> Character.isISOControl(c) ? '?' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    @PreDestroy
    void close() throws IOException {
        if (keys instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
