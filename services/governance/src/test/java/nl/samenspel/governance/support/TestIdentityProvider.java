package nl.samenspel.governance.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect provider inside the test, as a municipality's would be: an RSA and an EC signing key
 * made here, their public halves served as a JWK set over HTTP on a free local port, and the tokens it
 * would issue.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String ISSUER = "https://login.gemeente-test.example/realms/ketenpartners";
    public static final String AUDIENCE = "samenspel-governance";

    private final RSAKey rsa;
    private final ECKey ec;
    private final HttpServer server;
    private final AtomicInteger keySetRequests = new AtomicInteger();

    private TestIdentityProvider() throws JOSEException, IOException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).generate();
        ec = new ECKeyGenerator(Curve.P_256)
                .keyID("ec-1")
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        byte[] keySet = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()))
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/protocol/openid-connect/certs", exchange -> {
            keySetRequests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, keySet.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keySet);
            }
        });
        server.start();
    }

    public static TestIdentityProvider start() {
        try {
            return new TestIdentityProvider();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/protocol/openid-connect/certs";
    }

    /** The governance settings that trust this provider. */
    public Map<String, String> properties() {
        return Map.of(
                "samenspel.oidc.issuer", ISSUER,
                "samenspel.oidc.audience", AUDIENCE,
                "samenspel.oidc.jwks-url", jwksUrl());
    }

    /** How often the key set was fetched. */
    public int keySetRequests() {
        return keySetRequests.get();
    }

    public RSAKey rsaKey() {
        return rsa;
    }

    /** The claims of a good token for the address: this issuer, our audience, five minutes to live, verified. */
    public JWTClaimsSet.Builder claims(String email) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("email", email)
                .claim("email_verified", true);
    }

    public String rs256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, rsa, claims);
    }

    public String es256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.ES256, ec, claims);
    }

    /** Signed with any key, under the key id the key carries. */
    public static String sign(JWSAlgorithm algorithm, JWK key, JWTClaimsSet claims) {
        try {
            JWSSigner signer = key instanceof ECKey e ? new ECDSASigner(e) : new RSASSASigner(key.toRSAKey());
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
