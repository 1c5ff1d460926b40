package nl.samenspel.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first operator of an empty installation, made from the command line, then logging in over HTTP. */
@MicronautTest(transactional = false)
class PlatformAdminTest implements DatabaseTest {

    private static final String PASSWORD = "eerste-beheerder-2026";

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;

    @BeforeAll
    void setUp() {
        api = new Api(server);
    }

    private static Map<String, String> settings() {
        TestDatabase db = DatabaseTest.database();
        Map<String, String> settings = new HashMap<>();
        settings.put("samenspel.db.url", db.appUrl());
        settings.put("samenspel.db.app-password", db.rolePassword());
        return settings;
    }

    private static int run(Map<String, String> settings, Supplier<String> typed, String... args) {
        return PlatformAdmin.run(settings::get, List.of(args), typed, 4);
    }

    private static Supplier<String> nothingTyped() {
        return () -> {
            throw new AssertionError("the password was asked although it was not needed");
        };
    }

    @Test
    void aNewAdministratorWithThePasswordFromTheEnvironmentLogsInAndMayFoundCoalitions() {
        String email = Fixtures.unique("Beheer") + "@Gemeente.example";
        Map<String, String> settings = settings();
        settings.put("samenspel.admin-password", PASSWORD);

        assertThat(run(settings, nothingTyped(), email, "Functioneel beheer")).isZero();

        String token = api.login(email.toLowerCase(), PASSWORD);
        Api.Response me = api.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("platformAdmin").asBoolean()).isTrue();
        assertThat(me.json().get("displayName").asText()).isEqualTo("Functioneel beheer");
    }

    @Test
    void withoutAPasswordSettingTheTypedOneIsUsed() {
        String email = Fixtures.unique("typed") + "@example.nl";

        assertThat(run(settings(), () -> PASSWORD, email, "Beheerder")).isZero();

        assertThat(api.get("/api/v1/me", api.login(email, PASSWORD))
                        .json()
                        .get("platformAdmin")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void anExistingAccountIsPromotedAndKeepsItsPasswordAndARerunChangesNothing() throws SQLException {
        Account account = fixtures.account("promoted");
        assertThat(platformAdmin(account.email())).isFalse();

        assertThat(run(settings(), nothingTyped(), account.email(), "Other name"))
                .isZero();
        assertThat(run(settings(), nothingTyped(), account.email(), "Other name"))
                .isZero();

        assertThat(platformAdmin(account.email())).isTrue();
        Api.Response me = api.get("/api/v1/me", api.login(account.email(), Fixtures.PASSWORD));
        assertThat(me.json().get("platformAdmin").asBoolean()).isTrue();
        assertThat(me.json().get("displayName").asText()).isNotEqualTo("Other name");
    }

    @Test
    void anExternalLoginAdministratorHasNoPassword() throws SQLException {
        String email = Fixtures.unique("extern") + "@example.nl";

        assertThat(run(settings(), nothingTyped(), "--external-login", email, "Beheer via IdP"))
                .isZero();

        assertThat(platformAdmin(email)).isTrue();
        assertThat(api.post("/api/v1/auth/token", null, Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aRefusedPasswordOrBadArgumentsOrMissingSettingsMakeNoAccount() throws SQLException {
        String email = Fixtures.unique("refused") + "@example.nl";

        assertThat(run(settings(), () -> "kort", email, "Beheerder")).isEqualTo(2);
        assertThat(run(settings(), () -> null, email, "Beheerder")).isEqualTo(2);
        assertThat(run(settings(), () -> "x".repeat(73), email, "Beheerder")).isEqualTo(2);
        assertThat(run(settings(), nothingTyped(), "geen-adres", "Beheerder")).isEqualTo(2);
        assertThat(run(settings(), nothingTyped(), email)).isEqualTo(2);
        assertThat(run(settings(), nothingTyped(), email, " ")).isEqualTo(2);
        assertThat(run(new HashMap<>(), nothingTyped(), email, "Beheerder")).isEqualTo(2);

        assertThat(platformAdmin(email)).isNull();
    }

    @Test
    void anUnreachableDatabaseIsExitStatusOne() {
        Map<String, String> settings = settings();
        settings.put("samenspel.db.url", "jdbc:postgresql://127.0.0.1:1/samenspel?connectTimeout=2");
        settings.put("samenspel.admin-password", PASSWORD);

        assertThat(run(settings, nothingTyped(), Fixtures.unique("nodb") + "@example.nl", "Beheerder"))
                .isEqualTo(1);
    }

    /** Whether the account is an administrator; null when it does not exist. */
    private static Boolean platformAdmin(String email) throws SQLException {
        TestDatabase db = DatabaseTest.database();
        try (Connection c = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps =
                        c.prepareStatement("SELECT platform_admin FROM samenspel.account WHERE email = ?")) {
            ps.setString(1, email.toLowerCase());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }
}
