package nl.samenspel.governance.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.Test;

/** A representative sees the coalition while the mandate runs, and nothing once it has ended. */
@MicronautTest(transactional = false)
class RepresentativeAccessTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Test
    void endingTheMandateEndsTheAccess() {
        Api api = new Api(server);
        CoalitionResponse coalition = fixtures.coalition("mandaat", LegalForm.SAMENWERKINGSVERBAND);
        String secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        String members = "/api/v1/coalitions/" + coalition.slug() + "/members";
        String memberId = api.post(
                        members, secretary, Map.of("name", "Solis", "kind", "ZORGAANBIEDER", "joinedOn", "2021-01-01"))
                .json()
                .get("id")
                .asText();
        Account representative = fixtures.representative(coalition, UUID.fromString(memberId), "vertegenwoordiger");
        String token = api.login(representative.email(), Fixtures.PASSWORD);
        assertThat(api.get(members, token).status()).isEqualTo(200);

        JsonNode mandate = api.get(members + "/" + memberId + "/representatives", secretary)
                .json()
                .get(0);
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        Api.Response ended = api.post(
                members + "/" + memberId + "/representatives/"
                        + mandate.get("id").asText() + "/end",
                secretary,
                Map.of("validUntil", today, "version", mandate.get("version").asInt()));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);

        Api.Response after = api.get(members, token);
        assertThat(after.status()).isEqualTo(404);
        assertThat(after.body()).doesNotContain("Solis");
    }

    @Test
    void whenTheMemberLeavesItsMandatesEndAndSoDoesTheAccess() {
        Api api = new Api(server);
        CoalitionResponse coalition = fixtures.coalition("vertrek", LegalForm.COOPERATIE_UA);
        String secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        String members = "/api/v1/coalitions/" + coalition.slug() + "/members";
        String memberId = api.post(
                        members,
                        secretary,
                        Map.of("name", "Kwintes", "kind", "ZORGAANBIEDER", "joinedOn", "2018-01-01"))
                .json()
                .get("id")
                .asText();
        Account representative = fixtures.representative(coalition, UUID.fromString(memberId), "kwintes");
        String token = api.login(representative.email(), Fixtures.PASSWORD);
        assertThat(api.get(members, token).status()).isEqualTo(200);

        Api.Response left =
                api.post(members + "/" + memberId + "/end", secretary, Map.of("leftOn", "2022-01-01", "version", 0));
        assertThat(left.status()).as(left.toString()).isEqualTo(200);

        JsonNode mandate = api.get(members + "/" + memberId + "/representatives", secretary)
                .json()
                .get(0);
        assertThat(mandate.get("validUntil").asText()).isEqualTo("2022-01-01");
        assertThat(mandate.get("current").asBoolean()).isFalse();
        assertThat(api.get(members + "?status=ALL", token).status()).isEqualTo(404);
        String trail = api.get("/api/v1/coalitions/" + coalition.slug() + "/audit?size=3", secretary)
                .body();
        assertThat(trail).contains("representative.ended", "member.ended");
        assertThat(api.get("/api/v1/coalitions/" + coalition.slug() + "/audit/verification", secretary)
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }
}
