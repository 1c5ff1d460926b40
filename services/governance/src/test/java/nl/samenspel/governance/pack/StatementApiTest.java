package nl.samenspel.governance.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.job.JobRunner;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The statements of a year: each member signs its own through the signing workflow; the penvoerder
 * signs the consolidated one only after all members have; the pack then lists every signed statement.
 */
@MicronautTest(transactional = false)
class StatementApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    JobRunner jobs;

    @Test
    void membersSignTheirOwnThenThePenvoerderTheConsolidatedStatementAndThePackListsThem() throws Exception {
        Api api = new Api(server);
        CoalitionResponse coalition = fixtures.coalition("verklaringen", LegalForm.SAMENWERKINGSVERBAND);
        String base = "/api/v1/coalitions/" + coalition.slug();
        String secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        String observer = api.login(
                fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER).email(), Fixtures.PASSWORD);
        String raster = member(api, base, secretary, "Raster");
        String deKern = member(api, base, secretary, "De Kern");
        Account rasterRep = fixtures.representative(coalition, UUID.fromString(raster), "raster");
        Account deKernRep = fixtures.representative(coalition, UUID.fromString(deKern), "dekern");
        String rasterToken = api.login(rasterRep.email(), Fixtures.PASSWORD);
        String deKernToken = api.login(deKernRep.email(), Fixtures.PASSWORD);
        assertThat(api.post(
                                base + "/penvoerderschap",
                                secretary,
                                Map.of(
                                        "scope",
                                        "Opdracht preventie 2021",
                                        "memberId",
                                        raster,
                                        "validFrom",
                                        "2021-01-01"))
                        .status())
                .isEqualTo(201);
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "year", 2021,
                "title", "Opdracht preventie 2021",
                "scope", "Opdracht preventie 2021",
                "grantor", "Gemeente Deventer",
                "amountCents", 200000000L,
                "periodFrom", "2021-01-01",
                "periodUntil", "2021-12-31",
                "verantwoordingDue", "2022-05-01",
                "accountantThresholdCents", 12500000L,
                "varianceThresholdPct", "5.00"));
        String subsidy =
                api.post(base + "/subsidies", secretary, body).json().get("id").asText();
        String statements = base + "/subsidies/" + subsidy + "/statements";

        assertThat(api.post(statements, secretary, "{}").status())
                .as("no figures yet")
                .isEqualTo(409);
        for (String[] line : new String[][] {{raster, "120950500"}, {deKern, "74395500"}}) {
            Api.Response added = api.post(
                    base + "/subsidies/" + subsidy + "/budget-lines",
                    secretary,
                    Map.of(
                            "memberId",
                            line[0],
                            "category",
                            "Loonkosten",
                            "budgetCents",
                            Long.parseLong(line[1]),
                            "realisedCents",
                            Long.parseLong(line[1])));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
        }
        assertThat(api.post(statements, observer, "{}").status()).isEqualTo(403);
        Api.Response sent = api.post(statements, secretary, "{}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json()).hasSize(2);
        assertThat(api.post(statements, secretary, "{}").status())
                .as("sent twice")
                .isEqualTo(409);
        assertThat(api.post(statements + "/consolidated", secretary, "{}").status())
                .as("members have not signed")
                .isEqualTo(409);

        // Each member signs its own statement, and only its own.
        for (JsonNode s : sent.json()) {
            String token = s.get("member").asText().startsWith("Raster") ? rasterToken : deKernToken;
            String other = token.equals(rasterToken) ? deKernToken : rasterToken;
            String path = base + "/signature-requests/" + s.get("requestId").asText() + "/signatures";
            assertThat(api.post(path, other, Map.of("password", Fixtures.PASSWORD, "consent", true))
                            .status())
                    .isEqualTo(403);
            Api.Response signed = api.post(path, token, Map.of("password", Fixtures.PASSWORD, "consent", true));
            assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        }
        jobs.runDue();
        assertThat(api.get(statements, secretary).json())
                .allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("COMPLETED"));

        // Now the penvoerder's consolidated statement: Raster signs it, De Kern cannot.
        Api.Response consolidated = api.post(statements + "/consolidated", secretary, "{}");
        assertThat(consolidated.status()).as(consolidated.toString()).isEqualTo(201);
        JsonNode last = consolidated.json().get(consolidated.json().size() - 1);
        assertThat(last.get("consolidated").asBoolean()).isTrue();
        String path = base + "/signature-requests/" + last.get("requestId").asText() + "/signatures";
        assertThat(api.post(path, deKernToken, Map.of("password", Fixtures.PASSWORD, "consent", true))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(path, rasterToken, Map.of("password", Fixtures.PASSWORD, "consent", true))
                        .status())
                .isEqualTo(201);
        jobs.runDue();
        assertThat(api.post(statements + "/consolidated", secretary, "{}").status())
                .isEqualTo(409);

        // The pack lists the three signed statements, and the ZIP carries their sealed finals.
        Api.Response requested = api.post(base + "/subsidies/" + subsidy + "/packs", secretary, "{}");
        jobs.runDue();
        String pack = base + "/subsidies/" + subsidy + "/packs/"
                + requested.json().get("id").asText();
        byte[] zip = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + server.getPort() + pack + "/pack.zip"))
                                .header("Authorization", "Bearer " + secretary)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .body();
        Map<String, byte[]> files = PackApiTest.unzip(zip);
        assertThat(files.keySet().stream().filter(n -> n.startsWith("ondertekend/")))
                .hasSize(3);
        JsonNode snapshot = api.mapper().readTree(files.get("snapshot.json"));
        assertThat(snapshot.get("signedDocuments")).hasSize(3);
        assertThat(snapshot.get("signedDocuments").toString()).contains("Geconsolideerde verklaring 2021");
    }

    private static String member(Api api, String base, String secretary, String name) {
        Api.Response created = api.post(
                base + "/members",
                secretary,
                Map.of("name", name + " " + Fixtures.unique("m"), "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
