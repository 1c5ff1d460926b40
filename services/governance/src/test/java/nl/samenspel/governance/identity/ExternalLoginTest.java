package nl.samenspel.governance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logging in with a token of the municipality's identity provider (in the test: its keys, its JWK set). */
@MicronautTest(transactional = false)
class ExternalLoginTest implements DatabaseTest {

    private static final String OUR_SECRET = "test-secret-test-secret-test-secret-0123456789";

    final TestIdentityProvider idp = TestIdentityProvider.start();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;

    @Override
    public Map<String, String> extraProperties() {
        return idp.properties();
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
    }

    @AfterAll
    void stopProvider() {
        idp.close();
    }

    @Test
    void aTokenOfTheProviderLogsInTheAccountWithThatVerifiedAddress() {
        Account account = fixtures.account("extern");
        // The provider spells the address its own way; accounts keep it trimmed and in lower case.
        String token =
                idp.rs256(idp.claims(" " + account.email().toUpperCase() + " ").build());

        Api.Response me = api.get("/api/v1/me", token);

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo(account.id().toString());
        assertThat(me.json().get("email").asText()).isEqualTo(account.email());
        assertThat(me.json().get("displayName").asText()).isEqualTo(account.displayName());
        assertThat(me.json().get("platformAdmin").asBoolean()).isFalse();
    }

    @Test
    void anEcSignedTokenAndAnAudienceListWithOursCountToo() {
        Account account = fixtures.account("extern-ec");
        String token = idp.es256(idp.claims(account.email())
                .audience(List.of("another-app", TestIdentityProvider.AUDIENCE))
                .build());

        Api.Response me = api.get("/api/v1/me", token);

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo(account.id().toString());
    }

    @Test
    void aPlatformAdministratorKeepsThatRole() {
        Account admin = fixtures.account("extern-admin", true);
        String token = idp.rs256(idp.claims(admin.email()).build());

        Api.Response me = api.get("/api/v1/me", token);
        assertThat(me.json().get("platformAdmin").asBoolean()).isTrue();

        // The role counts where the platform administrator needs it: founding a coalition.
        Api.Response created = api.post(
                "/api/v1/coalitions",
                token,
                Map.of(
                        "name", "Coöperatie Extern",
                        "slug", Fixtures.unique("extern-admin"),
                        "legalForm", "COOPERATIE_UA",
                        "kvkNumber", "69123456",
                        "opdrachtgever", "Gemeente Woudenberg"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void theExternalLoginSeesOnlyItsOwnCoalitions() {
        CoalitionResponse own = fixtures.coalition("extern-eigen", LegalForm.COOPERATIE_UA);
        CoalitionResponse other = fixtures.coalition("extern-ander", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(own, "extern-secretary", CoalitionRole.SECRETARY);
        fixtures.member(other, "other-secretary", CoalitionRole.SECRETARY);
        String token = idp.rs256(idp.claims(secretary.email()).build());

        Api.Response list = api.get("/api/v1/coalitions", token);
        assertThat(list.status()).isEqualTo(200);
        List<String> slugs = new ArrayList<>();
        list.json().forEach(c -> slugs.add(c.get("slug").asText()));
        assertThat(slugs).containsExactly(own.slug());

        assertThat(api.get("/api/v1/coalitions/" + own.slug(), token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/coalitions/" + own.slug() + "/members", token)
                        .status())
                .isEqualTo(200);
        for (String path : List.of(
                "/api/v1/coalitions/" + other.slug(),
                "/api/v1/coalitions/" + other.slug() + "/members",
                "/api/v1/coalitions/" + other.id())) {
            Api.Response response = api.get(path, token);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain(other.name());
        }
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        Account account = fixtures.account("extern-iss");
        refused(idp.rs256(idp.claims(account.email())
                .issuer("https://evil.example/realms/x")
                .build()));
        // Exactly the configured issuer: not a prefix of it, not with a trailing slash.
        refused(idp.rs256(idp.claims(account.email())
                .issuer(TestIdentityProvider.ISSUER + "/")
                .build()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        Account account = fixtures.account("extern-aud");
        refused(idp.rs256(idp.claims(account.email()).audience("another-app").build()));
        refused(idp.rs256(idp.claims(account.email()).audience((String) null).build()));
    }

    @Test
    void anExpiredOrNotYetValidOrEndlessTokenIsRefused() {
        Account account = fixtures.account("extern-exp");
        Instant now = Instant.now();
        refused(idp.rs256(idp.claims(account.email())
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .build()));
        refused(idp.rs256(idp.claims(account.email())
                .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .build()));
        refused(idp.rs256(idp.claims(account.email()).expirationTime(null).build()));
    }

    @Test
    void anUnsecuredTokenIsRefused() {
        Account account = fixtures.account("extern-none");
        String unsecured = new PlainJWT(idp.claims(account.email()).build()).serialize();
        assertThat(unsecured).startsWith("eyJhbGciOiJub25lIn0.").endsWith(".");
        refused(unsecured);
    }

    @Test
    void aTokenSignedWithAKeyOutsideTheKeySetIsRefused() throws JOSEException {
        Account account = fixtures.account("extern-key");
        JWTClaimsSet claims = idp.claims(account.email()).build();
        RSAKey impostorWithKnownId = new RSAKeyGenerator(2048)
                .keyID("rsa-1")
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        RSAKey impostor = new RSAKeyGenerator(2048)
                .keyID("rsa-2")
                .keyUse(KeyUse.SIGNATURE)
                .generate();

        refused(TestIdentityProvider.sign(JWSAlgorithm.RS256, impostorWithKnownId, claims));
        refused(TestIdentityProvider.sign(JWSAlgorithm.RS256, impostor, claims));
    }

    @Test
    void anAlgorithmOutsideTheAllowedListIsRefusedEvenWithTheRightKey() {
        Account account = fixtures.account("extern-rs512");
        // RS512 with the provider's own key verifies, but only RS256 and ES256 are configured.
        refused(TestIdentityProvider.sign(
                JWSAlgorithm.RS512, idp.rsaKey(), idp.claims(account.email()).build()));
    }

    @Test
    void anHmacTokenIsNeverAnExternalLogin() throws Exception {
        Account account = fixtures.account("extern-hmac");
        JWTClaimsSet claims = idp.claims(account.email()).build();
        // The classic confusion: the provider's public key used as an HMAC secret.
        refused(hmac(claims, "rsa-1", idp.rsaKey().toRSAPublicKey().getEncoded()));
        // Our own secret with the provider's claims but no session of ours: neither path may accept it.
        refused(hmac(claims, null, OUR_SECRET.getBytes(StandardCharsets.UTF_8)));
        refused(hmac(
                new JWTClaimsSet.Builder(claims)
                        .subject(account.id().toString())
                        .claim(LoginService.SESSION_CLAIM, UUID.randomUUID().toString())
                        .claim("name", account.displayName())
                        .build(),
                null,
                OUR_SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAddressWithoutAnAccountIsRefused() {
        refused(idp.rs256(
                idp.claims(Fixtures.unique("stranger") + "@example.nl").build()));
    }

    @Test
    void anAddressTheProviderDidNotVerifyIsRefused() {
        Account account = fixtures.account("extern-unverified");
        refused(idp.rs256(
                idp.claims(account.email()).claim("email_verified", false).build()));
        refused(idp.rs256(
                idp.claims(account.email()).claim("email_verified", "true").build()));
        refused(idp.rs256(
                idp.claims(account.email()).claim("email_verified", null).build()));
        refused(idp.rs256(idp.claims(account.email()).claim("email", null).build()));
    }

    @Test
    void ourOwnLoginKeepsWorkingAndLogoutStillEndsIt() {
        Account account = fixtures.account("own-login");
        String own = api.login(account.email(), Fixtures.PASSWORD);
        assertThat(api.get("/api/v1/me", own).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/logout", own, "").status()).isEqualTo(204);
        refused(own);
    }

    @Test
    void theKeySetIsFetchedOnceNotOnEveryRequest() {
        Account account = fixtures.account("extern-cache");
        String token = idp.rs256(idp.claims(account.email()).build());
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        int fetched = idp.keySetRequests();

        for (int i = 0; i < 5; i++) {
            String fresh = idp.rs256(idp.claims(account.email()).build());
            assertThat(api.get("/api/v1/me", fresh).status()).isEqualTo(200);
        }
        assertThat(idp.keySetRequests()).isEqualTo(fetched);
    }

    @Test
    void aLoginIsLoggedOnceWithTheAccountAndNoTokenIsEverLogged() {
        Account account = fixtures.account("extern-log");
        String token = idp.rs256(idp.claims(account.email()).build());
        String unknown =
                idp.rs256(idp.claims(Fixtures.unique("nobody") + "@example.nl").build());
        Logger logger = (Logger) LoggerFactory.getLogger(ExternalTokenValidator.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            api.get("/api/v1/me", token);
            api.get("/api/v1/coalitions", token);
            api.get("/api/v1/me", unknown);
        } finally {
            logger.detachAppender(appender);
        }

        List<String> lines =
                appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines.stream().filter(l -> l.startsWith("external login: account " + account.id())))
                .hasSize(1);
        assertThat(lines).anyMatch(l -> l.startsWith("external token refused: no account"));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(lines).noneMatch(l -> l.contains(signature) || l.contains(unknown.substring(0, 40)));
        assertThat(lines).noneMatch(l -> l.contains(account.email()));
    }

    /** 401 as problem+json, with nothing of the reason, the library or a stack trace. */
    private void refused(String token) {
        Api.Response response = api.get("/api/v1/me", token);
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception", "nimbus", "JWT", "\tat ", "email_verified", "issuer");
    }

    private static String hmac(JWTClaimsSet claims, String keyId, byte[] secret) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
