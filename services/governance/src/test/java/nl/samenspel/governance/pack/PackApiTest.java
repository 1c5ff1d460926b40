package nl.samenspel.governance.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.documents.DocumentsClient;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.job.JobRunner;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.FlakyDocuments;
import nl.samenspel.governance.support.Superuser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verantwoordingspakket of a subsidy year: asked for by the secretary, made by a job, downloaded as
 * a sealed PDF and a ZIP whose every file matches its manifest; a job that dies half-way leaves no
 * partial pack and its retry makes exactly one; unchanged data gives the same pack.
 */
@MicronautTest(transactional = false)
class PackApiTest implements DatabaseTest {

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("test.flaky-documents", "true");
    }

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    JobRunner jobs;

    @Inject
    DocumentsClient documents;

    @Inject
    FlakyDocuments faults;

    Api api;
    CoalitionResponse coalition;
    String base;
    String secretary;
    String observer;
    String deKernToken;
    String subsidy;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("pakket", LegalForm.SAMENWERKINGSVERBAND);
        base = "/api/v1/coalitions/" + coalition.slug();
        secretary = login(fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY));
        observer = login(fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER));
        String raster = member("Raster");
        String deKern = member("De Kern");
        deKernToken = login(fixtures.representative(coalition, UUID.fromString(deKern), "dekern"));
        Map<String, Object> body = new LinkedHashMap<>(Fixtures.subsidy2021("Opdracht preventie 2021"));
        Api.Response created = api.post(base + "/subsidies", secretary, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subsidy = created.json().get("id").asText();
        line(raster, "Personeel", 120950500L, 118000000L, null);
        line(raster, "Activiteiten", 10000000L, 12000000L, "Extra inloopavonden in twee wijken.");
        line(deKern, "Personeel", 74395500L, 74395500L, null);
        Api.Response fte = api.post(
                base + "/subsidies/" + subsidy + "/fte-lines",
                secretary,
                Map.of("memberId", raster, "function", "Welzijnswerker", "planned", "6.50", "realised", "6.20"));
        assertThat(fte.status()).as(fte.toString()).isEqualTo(201);
    }

    private void line(String member, String category, long budget, long realised, String why) {
        Map<String, Object> body = new LinkedHashMap<>(
                Map.of("memberId", member, "category", category, "budgetCents", budget, "realisedCents", realised));
        if (why != null) {
            body.put("explanation", why);
        }
        Api.Response r = api.post(base + "/subsidies/" + subsidy + "/budget-lines", secretary, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private String login(Account account) {
        return api.login(account.email(), Fixtures.PASSWORD);
    }

    private String member(String name) {
        Api.Response created = api.post(
                base + "/members",
                secretary,
                Map.of("name", name + " " + Fixtures.unique("m"), "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private byte[] bytes(String path, String token, String type) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(type);
        return response.body();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private JsonNode made() {
        Api.Response requested = api.post(base + "/subsidies/" + subsidy + "/packs", secretary, "{}");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.json().get("status").asText()).isEqualTo("PENDING");
        jobs.runDue();
        JsonNode pack = api.get(
                        base + "/subsidies/" + subsidy + "/packs/"
                                + requested.json().get("id").asText(),
                        secretary)
                .json();
        assertThat(pack.get("status").asText()).isEqualTo("DONE");
        assertThat(pack.get("progress").asInt()).isEqualTo(100);
        return pack;
    }

    @Test
    void theSecretaryGetsASealedPackAndAZipWhoseFilesMatchTheirManifest() throws Exception {
        JsonNode pack = made();
        String path =
                base + "/subsidies/" + subsidy + "/packs/" + pack.get("id").asText();
        byte[] pdf = bytes(path + "/pack.pdf", secretary, "application/pdf");
        assertThat(AgendaDocuments.sha256(pdf)).isEqualTo(pack.get("pdfSha256").asText());
        assertThat(documents.verify(pdf).valid()).isTrue();
        byte[] zip = bytes(path + "/pack.zip", secretary, "application/zip");
        assertThat(AgendaDocuments.sha256(zip)).isEqualTo(pack.get("zipSha256").asText());

        Map<String, byte[]> files = unzip(zip);
        assertThat(files)
                .containsKeys(
                        "verantwoordingspakket-2021.pdf",
                        "snapshot.json",
                        "auditlog.jsonl",
                        "csv/begroting.csv",
                        "manifest.sha256");
        assertThat(files.get("verantwoordingspakket-2021.pdf")).isEqualTo(pdf);
        String manifest = new String(files.get("manifest.sha256"), StandardCharsets.UTF_8);
        int listed = 0;
        for (String entry : manifest.split("\n")) {
            String[] parts = entry.split("  ", 2);
            assertThat(files).containsKey(parts[1]);
            assertThat(AgendaDocuments.sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
            listed++;
        }
        assertThat(listed).isEqualTo(files.size() - 1);

        // The budget CSV adds up to what the database holds.
        long csvBudget = 0;
        long csvRealised = 0;
        String[] rows = new String(files.get("csv/begroting.csv"), StandardCharsets.UTF_8).split("\r\n");
        assertThat(rows[0]).startsWith("\uFEFFlid;categorie;begroting_cent");
        for (int i = 1; i < rows.length; i++) {
            String[] cells = rows[i].split(";");
            csvBudget += Long.parseLong(cells[2]);
            csvRealised += Long.parseLong(cells[3]);
        }
        assertThat(csvBudget).isEqualTo(sum("budget_cents"));
        assertThat(csvRealised).isEqualTo(sum("realised_cents"));
        // The audit log ends at the head the pack names, and every line is one event.
        JsonNode snapshot = api.mapper().readTree(files.get("snapshot.json"));
        String[] events = new String(files.get("auditlog.jsonl"), StandardCharsets.UTF_8).split("\n");
        JsonNode last = api.mapper().readTree(events[events.length - 1]);
        assertThat(last.get("hash").asText())
                .isEqualTo(snapshot.get("auditHead").get("hash").asText());
        assertThat(last.get("seq").asLong()).isEqualTo(events.length);
    }

    private long sum(String column) throws SQLException {
        TestDatabase db = DatabaseTest.database();
        try (Connection c = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(" + column
                        + "), 0) FROM samenspel.budget_line WHERE subsidy_id = ?::uuid")) {
            ps.setString(1, subsidy);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void unchangedDataGivesTheSamePackAndAJobThatDiesLeavesNoPartialPack() throws Exception {
        JsonNode first = made();
        faults.renderCrashes.set(1);
        Api.Response requested = api.post(base + "/subsidies/" + subsidy + "/packs", secretary, "{}");
        String id = requested.json().get("id").asText();
        jobs.runDue();
        JsonNode waiting = api.get(base + "/subsidies/" + subsidy + "/packs/" + id, secretary)
                .json();
        assertThat(waiting.get("status").asText()).isEqualTo("PENDING");
        assertThat(waiting.get("retrying").asBoolean()).isTrue();
        assertThat(waiting.has("pdfSha256")).isFalse();
        assertThat(api.get(base + "/subsidies/" + subsidy + "/packs/" + id + "/pack.zip", secretary)
                        .status())
                .isEqualTo(409);
        Superuser.update("UPDATE samenspel.job SET next_attempt_at = now() WHERE subject_id = ?::uuid", id);
        jobs.runDue();
        jobs.runDue();
        JsonNode second = api.get(base + "/subsidies/" + subsidy + "/packs/" + id, secretary)
                .json();
        assertThat(second.get("status").asText()).isEqualTo("DONE");
        assertThat(Superuser.count(
                        "SELECT count(*) FROM samenspel.verantwoordingspakket WHERE id = ?::uuid AND pdf IS NOT NULL",
                        id))
                .isEqualTo(1);

        // Same data, same content: the snapshot, every CSV and the PDF's text; only the seal differs.
        Map<String, byte[]> a = unzip(bytes(
                base + "/subsidies/" + subsidy + "/packs/" + first.get("id").asText() + "/pack.zip",
                secretary,
                "application/zip"));
        Map<String, byte[]> b = unzip(
                bytes(base + "/subsidies/" + subsidy + "/packs/" + id + "/pack.zip", secretary, "application/zip"));
        assertThat(second.get("dataAsOf").asText())
                .isEqualTo(first.get("dataAsOf").asText());
        for (String name : a.keySet()) {
            if (!name.endsWith(".pdf") && !name.equals("manifest.sha256")) {
                assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
            }
        }
        assertThat(text(b.get("verantwoordingspakket-2021.pdf")))
                .isEqualTo(text(a.get("verantwoordingspakket-2021.pdf")));
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void onlyThoseWhoSeeEveryMembersFiguresGetPacks() {
        String packs = base + "/subsidies/" + subsidy + "/packs";
        assertThat(api.post(packs, observer, "{}").status()).isEqualTo(403);
        assertThat(api.post(packs, deKernToken, "{}").status()).isEqualTo(403);
        assertThat(api.get(packs, observer).status()).isEqualTo(403);
        assertThat(api.get(packs, deKernToken).status()).isEqualTo(403);
        assertThat(api.get(packs + "/" + UUID.randomUUID(), secretary).status()).isEqualTo(404);
        assertThat(api.get(packs + "/nope", secretary).status()).isIn(400, 404);
        assertThat(api.post(base + "/subsidies/" + UUID.randomUUID() + "/packs", secretary, "{}")
                        .status())
                .isEqualTo(404);
    }
}
