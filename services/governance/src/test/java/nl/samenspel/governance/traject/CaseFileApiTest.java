package nl.samenspel.governance.traject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.samenspel.core.db.EmbeddedDatabase;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.documents.PdfAValidation;
import nl.samenspel.governance.demo.DemoData;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A traject's case file through the API, on the demo coalitions: the Deventer secretary files an
 * uploaded document, a decision and a meeting in a traject, everyone reads the file by date, and the
 * export is a ZIP whose PDFs pass veraPDF, whose manifest hashes match and whose MDTO records parse.
 * Woudenberg's secretary sees none of it (404) and cannot file Woudenberg's items in Deventer's traject.
 * On a database of its own: the trajects it adds to the demo coalitions must not show in DemoDataTest's.
 */
@MicronautTest(transactional = false)
class CaseFileApiTest implements DatabaseTest {

    private static final String MDTO = "https://www.nationaalarchief.nl/mdto";
    private static final String DEVENTER = "/api/v1/coalitions/deventer-preventie";
    private static final String WOUDENBERG = "/api/v1/coalitions/de-kleine-schans";

    final EmbeddedDatabase postgres = EmbeddedDatabase.start(Path.of("target", "embedded-postgres-casefile"));
    final TestDatabase database = TestDatabase.on(postgres, "samenspel_casefile");

    @Inject
    EmbeddedServer server;

    Api api;
    String secretary;
    String representative;
    String woudenberg;

    @Override
    public TestDatabase testDatabase() {
        return database;
    }

    @AfterAll
    void stopPostgres() {
        postgres.close();
    }

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("samenspel.demo-data", "true");
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
        secretary = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        representative = api.login("vertegenwoordiger@raster.demo", DemoData.PASSWORD);
        woudenberg = api.login("secretaris@woudenberg.demo", DemoData.PASSWORD);
    }

    private String newTraject() {
        String body =
                api.get(DEVENTER + "/bodies", secretary).json().get(0).get("id").asText();
        Api.Response created = api.post(
                DEVENTER + "/trajects",
                secretary,
                Map.of("title", "Dossiertraject " + Fixtures.unique("t"), "ownerBodyId", body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static byte[] plainPdf() throws Exception {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    private String uploadPlainPdf() throws Exception {
        Api.Multipart file = Api.Multipart.file("offerte-huisvesting.pdf", "application/pdf", plainPdf());
        Api.Response r = api.send("POST", DEVENTER + "/documents", secretary, file.contentType(), file.bytes());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** The oldest item of the kind (candidates come newest first; some demo meetings lie ahead). */
    private JsonNode candidate(String traject, String kind) {
        JsonNode oldest = null;
        for (JsonNode c : api.get(DEVENTER + "/trajects/" + traject + "/case-file/candidates", secretary)
                .json()) {
            if (c.get("kind").asText().equals(kind)) {
                oldest = c;
            }
        }
        assertThat(oldest).as("a candidate of kind " + kind).isNotNull();
        return oldest;
    }

    private static Map<String, Object> entry(String kind, String ref, String classification, Integer years) {
        Map<String, Object> m = new HashMap<>(Map.of("kind", kind, "refId", ref, "classification", classification));
        if (years != null) {
            m.put("retentionYears", years);
        }
        return m;
    }

    private Api.Response add(String token, String traject, Map<String, Object> entry) {
        return api.post(DEVENTER + "/trajects/" + traject + "/case-file", token, entry);
    }

    private HttpResponse<byte[]> export(String base, String traject, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + base + "/trajects/"
                                        + traject + "/case-file/export"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Element child(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS(MDTO, name);
        assertThat(nodes.getLength()).as(name).isPositive();
        return (Element) nodes.item(0);
    }

    @Test
    void theDemoTrajectsHaveCaseFilesInDateOrder() {
        for (String[] c : new String[][] {{DEVENTER, secretary}, {WOUDENBERG, woudenberg}}) {
            String traject =
                    api.get(c[0] + "/trajects", c[1]).json().get(0).get("id").asText();
            JsonNode entries = api.get(c[0] + "/trajects/" + traject + "/case-file", c[1])
                    .json()
                    .get("entries");
            assertThat(entries).as(c[0]).isNotEmpty();
            List<LocalDate> dates = new ArrayList<>();
            entries.forEach(e -> dates.add(LocalDate.parse(e.get("date").asText())));
            assertThat(dates).isSorted();
        }
    }

    @Test
    void theSecretaryFilesItemsAndTheExportIsAnArchivalZipWithMatchingManifest() throws Exception {
        String traject = newTraject();
        String base = DEVENTER + "/trajects/" + traject + "/case-file";
        String uploaded = uploadPlainPdf();
        JsonNode decision = candidate(traject, "DECISION");
        JsonNode meeting = candidate(traject, "MEETING");

        Api.Response doc = add(secretary, traject, entry("DOCUMENT", uploaded, "VERTROUWELIJK", 7));
        assertThat(doc.status()).as(doc.toString()).isEqualTo(201);
        assertThat(doc.json().get("title").asText()).isEqualTo("offerte-huisvesting");
        assertThat(add(
                                secretary,
                                traject,
                                entry("DECISION", decision.get("refId").asText(), "OPENBAAR", null))
                        .status())
                .isEqualTo(201);
        assertThat(add(secretary, traject, entry("MEETING", meeting.get("refId").asText(), "INTERN", 10))
                        .status())
                .isEqualTo(201);

        // Everyone with a role reads the file, oldest item first.
        JsonNode file = api.get(base, representative).json();
        List<String> kinds = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        file.get("entries").forEach(e -> {
            kinds.add(e.get("kind").asText());
            dates.add(LocalDate.parse(e.get("date").asText()));
        });
        assertThat(kinds).containsExactlyInAnyOrder("DOCUMENT", "DECISION", "MEETING");
        assertThat(dates).isSorted();
        assertThat(kinds.get(2)).as("the document uploaded today is the newest").isEqualTo("DOCUMENT");
        // The files are numbered in the file's order: 001-besluit or 001-vergadering, then the other.
        String first = String.format("001-%s", kinds.get(0).equals("DECISION") ? "besluit" : "vergadering");
        String second = String.format("002-%s", kinds.get(1).equals("DECISION") ? "besluit" : "vergadering");
        String decisionFile = kinds.get(0).equals("DECISION") ? first : second;

        HttpResponse<byte[]> response = export(DEVENTER, traject, representative);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("zaakdossier-dossiertraject");
        Map<String, byte[]> files = unzip(response.body());

        // The manifest lists every other file once, with its SHA-256.
        String manifest = new String(files.get("manifest-sha256.txt"), StandardCharsets.UTF_8);
        Set<String> listed = new HashSet<>();
        for (String line : manifest.split("\n")) {
            String[] parts = line.split("  ", 2);
            assertThat(files).as(line).containsKey(parts[1]);
            assertThat(AgendaDocuments.sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
            listed.add(parts[1]);
        }
        Set<String> others = new HashSet<>(files.keySet());
        others.remove("manifest-sha256.txt");
        assertThat(listed).isEqualTo(others);

        // One PDF/A-2b and one MDTO record per entry; the uploaded original (not PDF/A) outside that set.
        assertThat(files.keySet())
                .contains(
                        "dossier.mdto.xml", first + ".pdf", first + ".mdto.xml", second + ".pdf", second + ".mdto.xml")
                .contains(
                        "003-document.pdf", "003-document.mdto.xml", "origineel/003-document-offerte-huisvesting.pdf");
        int pdfs = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().endsWith(".pdf") && !f.getKey().startsWith("origineel/")) {
                assertThat(PdfAValidation.failures(f.getValue())).as(f.getKey()).isEmpty();
                pdfs++;
            }
        }
        assertThat(pdfs).isEqualTo(3);
        assertThat(PdfAValidation.failures(files.get("origineel/003-document-offerte-huisvesting.pdf")))
                .as("the upload is a plain PDF")
                .isNotEmpty();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String name : files.keySet()) {
            if (name.endsWith(".mdto.xml")) {
                Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(files.get(name)));
                assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("MDTO");
                assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo(MDTO);
                Element io = child(xml.getDocumentElement(), "informatieobject");
                assertThat(child(io, "naam").getTextContent()).as(name).isNotBlank();
                assertThat(child(child(io, "waardering"), "begripLabel").getTextContent())
                        .isIn("Blijvend te bewaren", "Te vernietigen");
                assertThat(child(child(io, "archiefvormer"), "verwijzingNaam").getTextContent())
                        .isEqualTo("Van preventie naar potentie (Deventer)");
            }
        }
        Element document = child(
                factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(files.get("003-document.mdto.xml")))
                        .getDocumentElement(),
                "informatieobject");
        assertThat(child(document, "naam").getTextContent()).isEqualTo("offerte-huisvesting");
        assertThat(child(child(document, "bewaartermijn"), "termijnLooptijd").getTextContent())
                .isEqualTo("P7Y");
        assertThat(child(child(document, "beperkingGebruik"), "begripLabel").getTextContent())
                .isEqualTo("Vertrouwelijk");
        assertThat(child(document, "omschrijving").getTextContent()).contains("geen PDF/A");
        assertThat(child(child(child(document, "betrokkene"), "betrokkeneActor"), "verwijzingNaam")
                        .getTextContent())
                .isEqualTo("Van preventie naar potentie (Deventer)");
        Element decided = child(
                factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(files.get(decisionFile + ".mdto.xml")))
                        .getDocumentElement(),
                "informatieobject");
        assertThat(child(decided, "naam").getTextContent())
                .isEqualTo(decision.get("title").asText());
        assertThat(decided.getElementsByTagNameNS(MDTO, "bewaartermijn").getLength())
                .as("kept permanently: no retention period")
                .isZero();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndADuplicateIsAConflict() throws Exception {
        String traject = newTraject();
        String uploaded = uploadPlainPdf();
        assertThat(add(secretary, traject, entry("DOCUMENT", uploaded, "INTERN", 10))
                        .status())
                .isEqualTo(201);
        Api.Response again = add(secretary, traject, entry("DOCUMENT", uploaded, "OPENBAAR", null));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("traject.case-entry-duplicate");

        Api.Response wrongKind = add(secretary, traject, entry("DECISION", uploaded, "INTERN", 10));
        assertThat(wrongKind.status()).as(wrongKind.toString()).isEqualTo(422);
        assertThat(wrongKind.json().get("errors").get(0).get("field").asText()).isEqualTo("refId");

        Api.Response years = add(secretary, traject, entry("DOCUMENT", uploaded, "INTERN", 0));
        assertThat(years.status()).as(years.toString()).isEqualTo(422);
        assertThat(years.json().get("errors").get(0).get("field").asText()).isEqualTo("retentionYears");

        Api.Response kind = api.post(
                DEVENTER + "/trajects/" + traject + "/case-file",
                secretary,
                Map.of("kind", "BRIEF", "refId", uploaded, "classification", "INTERN"));
        assertThat(kind.status()).as(kind.toString()).isEqualTo(400);
        assertThat(kind.contentType()).contains("application/problem+json");
        assertThat(kind.json().get("code").asText()).isEqualTo("request.unreadable");

        Api.Response missing = api.post(
                DEVENTER + "/trajects/" + traject + "/case-file",
                secretary,
                Map.of("kind", "DOCUMENT", "refId", uploaded));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("classification");

        Api.Response notAnId = api.post(
                DEVENTER + "/trajects/" + traject + "/case-file",
                secretary,
                Map.of("kind", "DOCUMENT", "refId", "abc", "classification", "INTERN"));
        assertThat(notAnId.status()).as(notAnId.toString()).isEqualTo(400);

        Api.Response byRepresentative = add(representative, traject, entry("DOCUMENT", uploaded, "INTERN", 10));
        assertThat(byRepresentative.status()).isEqualTo(403);
        assertThat(api.get(DEVENTER + "/trajects/" + java.util.UUID.randomUUID() + "/case-file", secretary)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anEntryIsWithdrawnAndMayBeFiledAgain() {
        String traject = newTraject();
        String base = DEVENTER + "/trajects/" + traject + "/case-file";
        JsonNode meeting = candidate(traject, "MEETING");
        String id = add(
                        secretary,
                        traject,
                        entry("MEETING", meeting.get("refId").asText(), "INTERN", 10))
                .json()
                .get("id")
                .asText();
        assertThat(api.post(base + "/" + id + "/withdrawal", representative, Map.of())
                        .status())
                .isEqualTo(403);
        Api.Response withdrawn = api.post(base + "/" + id + "/withdrawal", secretary, Map.of());
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().path("entries"))
                .as("an empty list is left out")
                .isEmpty();
        assertThat(api.post(base + "/" + id + "/withdrawal", secretary, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(add(secretary, traject, entry("MEETING", meeting.get("refId").asText(), "OPENBAAR", null))
                        .status())
                .isEqualTo(201);
        assertThat(api.get(base, secretary).json().get("entries")).hasSize(1);
    }

    @Test
    void anotherCoalitionSeesNothingAndCannotFileItsItemsHere() throws Exception {
        String traject = newTraject();
        JsonNode meeting = candidate(traject, "MEETING");
        String id = add(
                        secretary,
                        traject,
                        entry("MEETING", meeting.get("refId").asText(), "INTERN", 10))
                .json()
                .get("id")
                .asText();
        String base = DEVENTER + "/trajects/" + traject + "/case-file";
        assertThat(api.get(base, woudenberg).status()).isEqualTo(404);
        assertThat(api.get(base + "/candidates", woudenberg).status()).isEqualTo(404);
        assertThat(add(
                                woudenberg,
                                traject,
                                entry("MEETING", meeting.get("refId").asText(), "INTERN", 10))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(base + "/" + id + "/withdrawal", woudenberg, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(export(DEVENTER, traject, woudenberg).statusCode()).isEqualTo(404);
        // Through Woudenberg's own path, Deventer's traject does not exist.
        String theirs = WOUDENBERG + "/trajects/" + traject + "/case-file";
        assertThat(api.get(theirs, woudenberg).status()).isEqualTo(404);
        assertThat(export(WOUDENBERG, traject, woudenberg).statusCode()).isEqualTo(404);

        // Woudenberg's meeting filed in Deventer's traject: refused as an unknown item, like no item at all.
        String foreign = api.get(WOUDENBERG + "/meetings", woudenberg)
                .json()
                .get(0)
                .get("id")
                .asText();
        Api.Response refused = add(secretary, traject, entry("MEETING", foreign, "INTERN", 10));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("refId");
        Api.Response none = add(
                secretary, traject, entry("MEETING", java.util.UUID.randomUUID().toString(), "INTERN", 10));
        assertThat(none.json().get("code").asText())
                .isEqualTo(refused.json().get("code").asText());
        assertThat(none.json().get("detail").asText())
                .isEqualTo(refused.json().get("detail").asText());
    }
}
