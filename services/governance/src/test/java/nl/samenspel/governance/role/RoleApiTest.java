package nl.samenspel.governance.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class RoleApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    Account secretaryAccount;
    String secretary;
    String roles;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("rollen", LegalForm.COOPERATIE_UA);
        secretaryAccount = fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY);
        secretary = api.login(secretaryAccount.email(), Fixtures.PASSWORD);
        roles = "/api/v1/coalitions/" + coalition.slug() + "/roles";
    }

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(plusDays).toString();
    }

    Api.Response grant(String email, String role, String until) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("role", role);
        if (until != null) {
            body.put("validUntil", until);
        }
        if (role.equals("ACCOUNTANT")) {
            body.put("years", java.util.List.of(2021, 2022));
        }
        return api.post(roles, secretary, body);
    }

    @Test
    void anAccountantIsTimeBoxedAndLosesAccessAfterTheLastDay() throws Exception {
        Account accountant = fixtures.account("accountant");
        assertThat(grant(accountant.email(), "ACCOUNTANT", null).status()).isEqualTo(422);
        assertThat(grant(accountant.email(), "ACCOUNTANT", today(-1)).status()).isEqualTo(422);
        Api.Response granted = grant(accountant.email(), "ACCOUNTANT", today(30));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.body()).contains(accountant.email(), today(30));

        String token = api.login(accountant.email(), Fixtures.PASSWORD);
        String verification = "/api/v1/coalitions/" + coalition.slug() + "/audit/verification";
        assertThat(api.get(verification, token).status()).isEqualTo(200);

        // The last day passes (moved into the past in the database, as the calendar would).
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps =
                        admin.prepareStatement("UPDATE samenspel.coalition_role SET valid_until = current_date - 2"
                                + " WHERE coalition_id = ? AND account_id = ?")) {
            ps.setObject(1, coalition.id());
            ps.setObject(2, accountant.id());
            ps.executeUpdate();
        }
        assertThat(api.get(verification, token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me", token).body()).doesNotContain(coalition.slug());
    }

    @Test
    void anObserverIsGrantedAndRevokedWithAuditEvents() {
        Account observer = fixtures.account("waarnemer");
        assertThat(grant(observer.email(), "OBSERVER", null).status()).isEqualTo(200);
        String token = api.login(observer.email(), Fixtures.PASSWORD);
        String members = "/api/v1/coalitions/" + coalition.slug() + "/members";
        assertThat(api.get(members, token).status()).isEqualTo(200);

        Api.Response revoked = api.post(
                roles + "/revoke", secretary, Map.of("accountId", observer.id().toString(), "role", "OBSERVER"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(api.get(members, token).status()).isEqualTo(404);
        String trail = api.get("/api/v1/coalitions/" + coalition.slug() + "/audit?size=5", secretary)
                .body();
        assertThat(trail).contains("role.granted", "role.revoked");
    }

    @Test
    void whatASecretaryMayNotDo() {
        Account someone = fixtures.account("iemand");
        Api.Response opdrachtgever = grant(someone.email(), "OPDRACHTGEVER", null);
        assertThat(opdrachtgever.status()).isEqualTo(403);
        Api.Response representative = grant(someone.email(), "REPRESENTATIVE", null);
        assertThat(representative.status()).isEqualTo(422);
        assertThat(representative.json().get("code").asText()).isEqualTo("role.by-invitation");
        Api.Response unknown = grant(Fixtures.unique("onbekend") + "@example.nl", "OBSERVER", null);
        assertThat(unknown.status()).isEqualTo(422);
        Api.Response last = api.post(
                roles + "/revoke",
                secretary,
                Map.of("accountId", secretaryAccount.id().toString(), "role", "SECRETARY"));
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().get("code").asText()).isEqualTo("role.last-secretary");
    }

    @Test
    void observersAndRepresentativesCannotManageRoles() {
        String observer = api.login(
                fixtures.member(coalition, "kijker", CoalitionRole.OBSERVER).email(), Fixtures.PASSWORD);
        assertThat(api.get(roles, observer).status()).isEqualTo(403);
        assertThat(api.post(roles, observer, Map.of("email", "x@example.nl", "role", "OBSERVER"))
                        .status())
                .isEqualTo(403);
    }
}
