package nl.samenspel.governance.penvoerder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class PenvoerderschapApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String secretary;
    String base;
    String raster;
    String deKern;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("penvoerder", LegalForm.SAMENWERKINGSVERBAND);
        secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        base = "/api/v1/coalitions/" + coalition.slug() + "/penvoerderschap";
        raster = member("Raster");
        deKern = member("De Kern");
    }

    String member(String name) {
        return api.post(
                        "/api/v1/coalitions/" + coalition.slug() + "/members",
                        secretary,
                        Map.of("name", name, "kind", "WELZIJN", "joinedOn", "2020-01-01"))
                .json()
                .get("id")
                .asText();
    }

    Api.Response appoint(String scope, String memberId, String from, String until) {
        Map<String, Object> body = new HashMap<>();
        body.put("scope", scope);
        body.put("memberId", memberId);
        body.put("validFrom", from);
        if (until != null) {
            body.put("validUntil", until);
        }
        body.put("mandate", "Vraagt de subsidie aan en legt er verantwoording over af.");
        return api.post(base, secretary, body);
    }

    @Test
    void anOverlappingPenvoerderForTheSameScopeIsA409() {
        String scope = "Subsidie preventie " + Fixtures.unique("");
        Api.Response first = appoint(scope, raster, "2021-01-01", "2022-01-01");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        Api.Response overlap = appoint(scope.toUpperCase(), deKern, "2021-06-01", null);
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.json().get("code").asText()).isEqualTo("penvoerderschap.overlap");

        // Right after the first period ends is fine, and so is another scope at the same time.
        assertThat(appoint(scope, deKern, "2022-01-01", null).status()).isEqualTo(201);
        assertThat(appoint("Opdracht toegang " + Fixtures.unique(""), deKern, "2021-06-01", null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theDatabaseRefusesAnOverlapEvenThroughRawSql() throws SQLException {
        String scope = "Ruw " + Fixtures.unique("");
        assertThat(appoint(scope, raster, "2021-01-01", null).status()).isEqualTo(201);
        TestDatabase db = DatabaseTest.database();
        try (Connection app = DriverManager.getConnection(db.appUrl(), db.appUser(), db.rolePassword())) {
            app.setAutoCommit(false);
            try (PreparedStatement bind =
                    app.prepareStatement("SELECT set_config('samenspel.coalition_id', ?, true)")) {
                bind.setString(1, coalition.id().toString());
                bind.execute();
            }
            assertThatThrownBy(() -> {
                        try (PreparedStatement ps = app.prepareStatement(
                                "INSERT INTO penvoerderschap (coalition_id, id, scope, member_id, valid_from)"
                                        + " VALUES (?, ?, ?, ?, DATE '2023-03-01')")) {
                            ps.setObject(1, coalition.id());
                            ps.setObject(2, UUID.randomUUID());
                            ps.setString(3, scope);
                            ps.setObject(4, UUID.fromString(deKern));
                            ps.executeUpdate();
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("one_penvoerder_per_scope");
            app.rollback();
        }
    }

    @Test
    void aHandoverEndsOneAndStartsTheNextInOneGo() {
        String scope = "Overdracht " + Fixtures.unique("");
        JsonNode first = appoint(scope, raster, "2021-01-01", null).json();
        String handover = base + "/" + first.get("id").asText() + "/handover";

        // A handover to someone who is not a member fails and changes nothing.
        Api.Response bad = api.post(
                handover,
                secretary,
                Map.of("toMemberId", UUID.randomUUID().toString(), "on", "2023-01-01", "version", 0));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(historyOf(scope).toString()).doesNotContain("2023-01-01");

        Api.Response done =
                api.post(handover, secretary, Map.of("toMemberId", deKern, "on", "2023-01-01", "version", 0));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        JsonNode history = historyOf(scope);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("memberName").asText()).isEqualTo("De Kern");
        assertThat(history.get(0).get("validFrom").asText()).isEqualTo("2023-01-01");
        assertThat(history.get(0).hasNonNull("validUntil")).isFalse();
        assertThat(history.get(1).get("memberName").asText()).isEqualTo("Raster");
        assertThat(history.get(1).get("validUntil").asText()).isEqualTo("2023-01-01");

        Api.Response again =
                api.post(handover, secretary, Map.of("toMemberId", deKern, "on", "2024-01-01", "version", 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("penvoerderschap.already-ended");
        String trail = api.get("/api/v1/coalitions/" + coalition.slug() + "/audit?size=3", secretary)
                .body();
        assertThat(trail).contains("penvoerderschap.ended", "penvoerderschap.appointed");
    }

    @Test
    void badInputIsNamed() {
        assertThat(appoint("Periode", raster, "2021-01-01", "2020-01-01")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("validUntil");
        Api.Response missing = api.post(base, secretary, Map.of("memberId", raster));
        assertThat(missing.status()).isEqualTo(422);
        Api.Response notYet = appoint("Te vroeg " + Fixtures.unique(""), raster, "2019-01-01", null);
        assertThat(notYet.status()).isEqualTo(422);
        assertThat(notYet.json().get("code").asText()).isEqualTo("member.not-current");
        Api.Response stranger =
                appoint("Vreemd " + Fixtures.unique(""), UUID.randomUUID().toString(), "2021-01-01", null);
        assertThat(stranger.status()).isEqualTo(422);
    }

    @Test
    void onlyTheSecretaryAppointsButEveryoneSeesTheHistory() {
        String observer = api.login(
                fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER).email(), Fixtures.PASSWORD);
        Map<String, Object> body = Map.of("scope", "X", "memberId", raster, "validFrom", "2021-01-01");
        assertThat(api.post(base, observer, body).status()).isEqualTo(403);
        assertThat(api.get(base, observer).status()).isEqualTo(200);
    }

    private JsonNode historyOf(String scope) {
        JsonNode all = api.get(base, secretary).json();
        com.fasterxml.jackson.databind.node.ArrayNode mine =
                new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
        all.forEach(p -> {
            if (p.get("scope").asText().equals(scope)) {
                mine.add(p);
            }
        });
        return mine;
    }
}
