package nl.samenspel.governance.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.job.JobRunner;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accountant portal: the secretary grants an accountant chosen years with an expiry; the accountant
 * sees only those years, downloads the pack and ZIP (each download logged for the secretary), verifies
 * the audit chain and an uploaded pack's seal, and loses everything after the last day.
 */
@MicronautTest(transactional = false)
class AccountantPortalTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    JobRunner jobs;

    Api api;
    CoalitionResponse coalition;
    String base;
    String secretary;
    Account accountant;
    String subsidy2021;
    String subsidy2022;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("accountant", LegalForm.COOPERATIE_UA);
        base = "/api/v1/coalitions/" + coalition.slug();
        secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        subsidy2021 = subsidy(2021);
        subsidy2022 = subsidy(2022);
        accountant = fixtures.account("registeraccountant");
    }

    private String subsidy(int year) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "year",
                year,
                "title",
                "Uitvoering toegang " + year,
                "scope",
                "Toegang Woudenberg",
                "grantor",
                "Gemeente Woudenberg",
                "amountCents",
                150000000L,
                "periodFrom",
                year + "-01-01",
                "periodUntil",
                year + "-12-31",
                "verantwoordingDue",
                (year + 1) + "-04-01",
                "accountantThresholdCents",
                12500000L,
                "varianceThresholdPct",
                "10"));
        Api.Response created = api.post(base + "/subsidies", secretary, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private byte[] bytes(String path, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void anAccountantSeesOnlyItsYearsDownloadsWithALogAndLosesAccessAfterTheLastDay() throws Exception {
        Api.Response noYears = api.post(
                base + "/roles",
                secretary,
                Map.of(
                        "email",
                        accountant.email(),
                        "role",
                        "ACCOUNTANT",
                        "validUntil",
                        LocalDate.now().plusDays(30).toString()));
        assertThat(noYears.status()).isEqualTo(422);
        assertThat(noYears.body()).contains("years");
        Api.Response granted = api.post(
                base + "/roles",
                secretary,
                Map.of(
                        "email", accountant.email(),
                        "role", "ACCOUNTANT",
                        "validUntil", LocalDate.now().plusDays(30).toString(),
                        "years", List.of(2021)));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        String token = api.login(accountant.email(), Fixtures.PASSWORD);

        JsonNode visible = api.get(base + "/subsidies", token).json();
        assertThat(visible).hasSize(1);
        assertThat(visible.get(0).get("year").asInt()).isEqualTo(2021);
        assertThat(api.get(base + "/subsidies/" + subsidy2022, token).status()).isEqualTo(404);
        assertThat(api.get(base + "/subsidies/" + subsidy2022 + "/figures", token)
                        .status())
                .isEqualTo(404);
        assertThat(api.get(base + "/subsidies/" + subsidy2022 + "/packs", token).status())
                .isEqualTo(404);

        Api.Response requested = api.post(base + "/subsidies/" + subsidy2021 + "/packs", secretary, "{}");
        assertThat(requested.status()).isEqualTo(202);
        String pack = base + "/subsidies/" + subsidy2021 + "/packs/"
                + requested.json().get("id").asText();
        assertThat(api.post(base + "/subsidies/" + subsidy2021 + "/packs", token, "{}")
                        .status())
                .as("an accountant reads, it does not make packs")
                .isEqualTo(403);
        jobs.runDue();
        byte[] pdf = bytes(pack + "/pack.pdf", token);
        bytes(pack + "/pack.zip", token);
        JsonNode log = api.get(pack + "/downloads", secretary).json();
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("actor").asText()).isEqualTo(accountant.email());
        assertThat(log.get(0).get("file").asText()).isEqualTo("PDF");
        assertThat(log.get(1).get("file").asText()).isEqualTo("ZIP");
        assertThat(api.get(pack + "/downloads", token).status()).isEqualTo(403);

        // The accountant verifies the audit chain and the seal of the pack it was given.
        assertThat(api.get(base + "/audit/verification", token)
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
        Api.Multipart upload = Api.Multipart.file("pakket.pdf", "application/pdf", pdf);
        JsonNode verified = api.send("POST", "/api/v1/verification", token, upload.contentType(), upload.bytes())
                .json();
        assertThat(verified.get("sealedByThisPlatform").asBoolean()).isTrue();
        assertThat(verified.get("intact").asBoolean()).isTrue();
        assertThat(verified.get("belongsTo").asText()).isEqualTo("KNOWN");
        assertThat(verified.get("pack").get("year").asInt()).isEqualTo(2021);

        // The last day passes: nothing of the coalition is left to see.
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps =
                        admin.prepareStatement("UPDATE samenspel.coalition_role SET valid_until = current_date - 1"
                                + " WHERE account_id = ? AND role = 'ACCOUNTANT'")) {
            ps.setObject(1, accountant.id());
            ps.executeUpdate();
        }
        assertThat(api.get(base + "/subsidies", token).status()).isEqualTo(404);
        assertThat(api.get(pack + "/pack.pdf", token).status()).isEqualTo(404);
        JsonNode afterwards = api.send("POST", "/api/v1/verification", token, upload.contentType(), upload.bytes())
                .json();
        assertThat(afterwards.get("belongsTo").asText()).isEqualTo("NONE");
        assertThat(afterwards.toString()).doesNotContain(coalition.slug());
    }
}
