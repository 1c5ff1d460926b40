package nl.samenspel.governance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.Superuser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our own HS256 session tokens, abused the ways an attacker would: unsigned, signed with a guessed key,
 * edited, expired, logged out, or carried to another coalition. Provider tokens (OIDC) are
 * {@code identity.ExternalLoginTest}'s subject and not repeated here.
 */
@MicronautTest(transactional = false)
class JwtAbuseTest implements DatabaseTest {

    /** The secret {@link DatabaseTest} gives the app; a test that knows it can mint what only the server could. */
    private static final String SECRET = "test-secret-test-secret-test-secret-0123456789";

    private static final List<String> INTERNALS =
            List.of("Exception", "java.", "io.micronaut", "nimbus", "SQL", "at nl.", "signature", "Caused by");

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse deventer;
    CoalitionResponse woudenberg;
    Account secretary;
    Account other;
    String token;
    String otherToken;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final java.util.Set<String> routes = new java.util.TreeSet<>();

    @BeforeAll
    void setUp() {
        api = new Api(server);
        deventer = fixtures.coalition("jwt-deventer", LegalForm.SAMENWERKINGSVERBAND);
        woudenberg = fixtures.coalition("jwt-woudenberg", LegalForm.COOPERATIE_UA);
        secretary = fixtures.member(deventer, "jwt-secretaris", CoalitionRole.SECRETARY);
        other = fixtures.member(woudenberg, "jwt-woudenberg-secretaris", CoalitionRole.SECRETARY);
        token = api.login(secretary.email(), Fixtures.PASSWORD);
        otherToken = api.login(other.email(), Fixtures.PASSWORD);
        assertThat(call("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(call(members(deventer), token).status()).isEqualTo(200);
    }

    @AfterAll
    void summary() {
        System.out.printf(
                "reliability: jwt-abuse endpoints covered=%d, requests sent=%d, 5xx seen=%d%n",
                routes.size(), requests.get(), serverErrors.get());
        assertThat(serverErrors.get()).isZero();
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String[] parts = token.split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        refused(none + "." + parts[1] + ".");
        refused(none + "." + parts[1] + "." + parts[2]);
        refused(none + "." + parts[1]);
        // Capitals, as some libraries once compared the name loosely.
        refused(Base64URL.encode("{\"alg\":\"NONE\"}") + "." + parts[1] + ".");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        refused(sign(claims(token).build(), "another-secret-another-secret-another-1234"));
        refused(sign(claims(token).build(), SECRET.substring(1) + "X"));
    }

    @Test
    void editedClaimsWithoutANewSignatureAreRefused() throws Exception {
        JWTClaimsSet original = claims(token).build();
        refused(resign(token, c -> c.subject(other.id().toString())));
        refused(resign(token, c -> c.claim("roles", List.of("PLATFORM_ADMIN"))));
        refused(resign(token, c -> c.claim("coalition", woudenberg.slug())
                .claim("coalition_id", woudenberg.id().toString())));
        refused(resign(
                token,
                c -> c.expirationTime(
                        Date.from(original.getExpirationTime().toInstant().plusSeconds(365L * 24 * 3600)))));
        refused(resign(token, c -> c.claim("sid", claims(otherToken).build().getClaim("sid"))));
        // The account is still the original one afterwards: nothing of the edits stuck.
        JsonNode me = call("/api/v1/me", token).json();
        assertThat(me.get("platformAdmin").asBoolean()).isFalse();
        assertThat(me.get("email").asText()).isEqualTo(secretary.email());
    }

    @Test
    void anExpiredTokenIsRefusedEvenWithTheRightKeyAndALiveSession() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet expired = claims(token)
                .issueTime(Date.from(now.minusSeconds(7200)))
                .notBeforeTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(120)))
                .build();
        refused(sign(expired, SECRET));
        // The same claims with a future expiry are accepted: the refusal above is the expiry's.
        JWTClaimsSet fresh =
                claims(token).expirationTime(Date.from(now.plusSeconds(600))).build();
        assertThat(call("/api/v1/me", sign(fresh, SECRET)).status()).isEqualTo(200);
    }

    @Test
    void aTokenOfALoggedOutSessionIsRefused() {
        Account leaver = fixtures.member(deventer, "jwt-afmelder", CoalitionRole.SECRETARY);
        String leaving = api.login(leaver.email(), Fixtures.PASSWORD);
        String stillIn = api.login(leaver.email(), Fixtures.PASSWORD);
        assertThat(call(members(deventer), leaving).status()).isEqualTo(200);
        requests.incrementAndGet();
        assertThat(api.post("/api/v1/auth/logout", leaving, "").status()).isEqualTo(204);
        refused(leaving);
        // Another session of the same account is not affected.
        assertThat(call(members(deventer), stillIn).status()).isEqualTo(200);
    }

    /**
     * A read of a coalition has its session checked in the statement that finds the coalition, not at
     * token validation (CoalitionReadSessionPostponement). An ended session, logged out or expired on
     * the server while the token itself still runs, gets the same 401 there as anywhere else: before
     * anything about the coalition, its own or another or none, is told.
     */
    @Test
    void anEndedSessionGetsTheSame401OnEveryKindOfRequest() {
        Account leaver = fixtures.member(deventer, "jwt-einde", CoalitionRole.SECRETARY);
        String loggedOut = api.login(leaver.email(), Fixtures.PASSWORD);
        String expired = api.login(leaver.email(), Fixtures.PASSWORD);
        String live = api.login(leaver.email(), Fixtures.PASSWORD);
        for (String t : List.of(loggedOut, expired, live)) {
            assertThat(call(members(deventer), t).status()).isEqualTo(200);
        }
        assertThat(api.post("/api/v1/auth/logout", loggedOut, "").status()).isEqualTo(204);
        String sid = claims(expired).build().getClaim("sid").toString();
        assertThat(Superuser.update(
                        "UPDATE samenspel.login_session SET expires_at = now() - interval '1 second' WHERE id = ?::uuid",
                        sid))
                .isEqualTo(1);

        String[] reads = {
            members(deventer),
            "/api/v1/coalitions/" + deventer.slug(),
            "/api/v1/coalitions/" + deventer.slug() + "/proposals",
            members(woudenberg),
            "/api/v1/coalitions/bestaat-niet-" + Fixtures.unique("x") + "/members",
            // Query values a live session would get a 400 for: the session is refused first.
            members(deventer) + "?page=-1",
            members(deventer) + "?page=abc&size=%FF"
        };
        for (String ended : List.of(loggedOut, expired)) {
            Api.Response me = call("/api/v1/me", ended);
            assertThat(me.status()).isEqualTo(401);
            for (String path : reads) {
                Api.Response read = call(path, ended);
                assertThat(read.status()).as(path).isEqualTo(401);
                assertThat(read.contentType()).startsWith("application/problem+json");
                assertThat(read.body()).as(path).isEqualTo(me.body());
                Api.Response head = api.send("HEAD", path, ended, "application/json", new byte[0]);
                count(path, head);
                assertThat(head.status()).as("HEAD " + path).isEqualTo(401);
            }
            // A write keeps its check at validation: the same answer.
            Api.Response write = api.post(
                    members(deventer),
                    ended,
                    java.util.Map.of("name", "Mag niet", "kind", "WELZIJN", "joinedOn", "2021-01-01"));
            count(members(deventer), write);
            assertThat(write.status()).isEqualTo(401);
            assertThat(write.body()).isEqualTo(me.body());
        }
        assertThat(Superuser.count("SELECT count(*) FROM samenspel.member WHERE name = 'Mag niet'"))
                .isZero();
        // The third session of the same account reads on.
        for (String path : new String[] {members(deventer), "/api/v1/coalitions/" + deventer.slug()}) {
            assertThat(call(path, live).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aValidTokenOfOneCoalitionOpensNothingOfAnother() {
        String[] paths = {
            members(woudenberg),
            "/api/v1/coalitions/" + woudenberg.slug(),
            "/api/v1/coalitions/" + woudenberg.slug() + "/audit",
            "/api/v1/coalitions/" + woudenberg.slug() + "/audit/verification",
            "/api/v1/coalitions/" + woudenberg.slug() + "/proposals",
            "/api/v1/coalitions/" + woudenberg.slug() + "/trajects",
            "/api/v1/coalitions/" + woudenberg.slug() + "/subsidies"
        };
        for (String path : paths) {
            Api.Response foreign = call(path, token);
            // As for a coalition that does not exist: 404, the same body, so not even existence leaks.
            Api.Response missing = call(path.replace(woudenberg.slug(), "bestaat-niet-" + Fixtures.unique("x")), token);
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(foreign.contentType()).startsWith("application/problem+json");
            assertThat(foreign.body()).isEqualTo(missing.body());
            assertThat(foreign.body())
                    .doesNotContain(woudenberg.slug(), woudenberg.id().toString(), woudenberg.name());
            assertThat(call(path, otherToken).status())
                    .as("its own secretary reads " + path)
                    .isEqualTo(200);
        }
        JsonNode me = call("/api/v1/me", token).json();
        assertThat(me.toString()).doesNotContain(woudenberg.slug());
    }

    @Test
    void garbageInTheAuthorizationHeaderIsA401NotA500() {
        for (String junk : new String[] {
            "x",
            "a.b.c",
            "....",
            "eyJhbGciOiJIUzI1NiJ9..",
            token + "x",
            token.replace('.', '!'),
            "é.é.é",
            "Bearer " + token
        }) {
            refused(junk);
        }
    }

    private void refused(String forged) {
        for (String path : new String[] {"/api/v1/me", members(deventer)}) {
            Api.Response response = call(path, forged);
            assertThat(response.status()).as(path + " with " + forged).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isEqualTo("auth.required");
            assertThat(response.body()).doesNotContain(INTERNALS).doesNotContain(secretary.email());
        }
    }

    private Api.Response call(String path, String bearer) {
        Api.Response response = api.get(path, bearer);
        count(path, response);
        return response;
    }

    private void count(String path, Api.Response response) {
        requests.incrementAndGet();
        routes.add(path.replace(deventer.slug(), "{coalition}")
                .replace(woudenberg.slug(), "{coalition}")
                .replaceAll("bestaat-niet-[^/]+", "{coalition}"));
        if (response.status() >= 500) {
            serverErrors.incrementAndGet();
        }
    }

    private static String members(CoalitionResponse coalition) {
        return "/api/v1/coalitions/" + coalition.slug() + "/members";
    }

    private static JWTClaimsSet.Builder claims(String jwt) {
        try {
            return new JWTClaimsSet.Builder(SignedJWT.parse(jwt).getJWTClaimsSet());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's header and signature, with the claims changed: what editing a token in a browser gives. */
    private static String resign(String jwt, UnaryOperator<JWTClaimsSet.Builder> change) {
        String[] parts = jwt.split("\\.");
        String payload =
                Base64URL.encode(change.apply(claims(jwt)).build().toString()).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static String sign(JWTClaimsSet claims, String secret) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
