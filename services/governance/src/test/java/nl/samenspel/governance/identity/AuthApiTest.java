package nl.samenspel.governance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AuthApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;

    @BeforeAll
    void setUp() {
        api = new Api(server);
    }

    @Test
    void aBearerTokenOpensTheApiAndLogoutClosesIt() {
        Account account = fixtures.account("token-user");
        String token = api.login(account.email(), Fixtures.PASSWORD);

        Api.Response me = api.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asText()).isEqualTo(account.email());

        assertThat(api.post("/api/v1/auth/logout", token, "").status()).isEqualTo(204);
        Api.Response after = api.get("/api/v1/me", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
    }

    @Test
    void emailIsMatchedWithoutRegardToCaseOrSpaces() {
        Account account = fixtures.account("case-user");
        assertThat(api.login("  " + account.email().toUpperCase() + " ", Fixtures.PASSWORD))
                .isNotBlank();
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressLookTheSame() {
        Account account = fixtures.account("wrong-pw");
        Api.Response wrong = token(account.email(), "not the password");
        Api.Response unknown = token(Fixtures.unique("nobody") + "@example.nl", "not the password");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asText()).isEqualTo("auth.invalid-credentials");
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    /** Found by the hostile-input corpus: half a surrogate pair made bcrypt throw, a 500. */
    @Test
    void aPasswordThatIsNotValidUnicodeIsAWrongPassword() {
        Account account = fixtures.account("lone-surrogate");
        for (String email : List.of(account.email(), Fixtures.unique("nobody") + "@example.nl")) {
            Api.Response response = api.send(
                    "POST",
                    "/api/v1/auth/token",
                    null,
                    "application/json",
                    ("{\"email\":\"" + email + "\",\"password\":\"abc\\ud800def\"}").getBytes());
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.json().get("code").asText()).isEqualTo("auth.invalid-credentials");
        }
    }

    @Test
    void fiveFailuresLockTheAddressEvenForTheRightPassword() {
        Account account = fixtures.account("locked");
        for (int i = 0; i < 5; i++) {
            assertThat(token(account.email(), "guess " + i).status()).isEqualTo(401);
        }
        Api.Response locked = token(account.email(), Fixtures.PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("code").asText()).isEqualTo("auth.locked");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 15 * 60);
    }

    @Test
    void unknownAddressesAreLockedTheSameWaySoLockingRevealsNothing() {
        String nobody = Fixtures.unique("ghost") + "@example.nl";
        for (int i = 0; i < 5; i++) {
            token(nobody, "guess " + i);
        }
        Api.Response locked = token(nobody, "guess");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("code").asText()).isEqualTo("auth.locked");
    }

    @Test
    void parallelGuessesGetNoMoreThanFiveTries() throws Exception {
        Account account = fixtures.account("parallel");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String guess = "guess number " + i;
                answers.add(pool.submit(() -> token(account.email(), guess).status()));
            }
            int tried = 0;
            for (java.util.concurrent.Future<Integer> answer : answers) {
                int status = answer.get();
                assertThat(status).isIn(401, 429);
                tried += status == 401 ? 1 : 0;
            }
            assertThat(tried).as("passwords actually checked").isLessThanOrEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(token(account.email(), Fixtures.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void aForgedTokenIsRejected() {
        Api.Response response = api.get("/api/v1/me", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        assertThat(response.status()).isEqualTo(401);
    }

    private Api.Response token(String email, String password) {
        return api.post("/api/v1/auth/token", null, Map.of("email", email, "password", password));
    }
}
