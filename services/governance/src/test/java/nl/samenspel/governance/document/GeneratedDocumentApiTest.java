package nl.samenspel.governance.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.documents.DocumentsClient;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Documents made from the coalition's records: a statute version or the decision list, unsealed, ready to sign. */
@MicronautTest(transactional = false)
class GeneratedDocumentApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    DocumentsClient documents;

    Api api;
    CoalitionResponse coalition;
    String secretary;
    String observer;
    String base;
    String statuteId;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("genereren", LegalForm.COOPERATIE_UA);
        base = "/api/v1/coalitions/" + coalition.slug();
        secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        observer = api.login(
                fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER).email(), Fixtures.PASSWORD);
        JsonNode draft = api.post(base + "/statutes", secretary, Map.of("title", "Statuten De Kleine Schans"))
                .json();
        statuteId = draft.get("id").asText();
        Api.Response written = api.put(
                base + "/statutes/" + statuteId,
                secretary,
                Map.of(
                        "title",
                        "Statuten De Kleine Schans",
                        "articles",
                        List.of(
                                Map.of(
                                        "number",
                                        "1",
                                        "title",
                                        "Naam",
                                        "body",
                                        "De coöperatie draagt de naam Coöperatie De Kleine Schans U.A."),
                                Map.of("number", "2", "title", "Doel", "body", "Preventie en ideeën voor Woudenberg.")),
                        "version",
                        draft.get("version").asInt()));
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
    }

    @Test
    void aStatuteVersionBecomesAnUnsealedPdfToSign() throws Exception {
        Api.Response made = api.post(
                base + "/documents/generated",
                secretary,
                Map.of("kind", "STATUTE_VERSION", "statuteVersionId", statuteId));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        JsonNode document = made.json();
        assertThat(document.get("origin").asText()).isEqualTo("GENERATED");
        assertThat(document.get("title").asText()).startsWith("Statuten De Kleine Schans");
        assertThat(document.get("filename").asText()).endsWith(".pdf");
        HttpResponse<byte[]> content = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + base + "/documents/"
                                        + document.get("id").asText() + "/content"))
                                .header("Authorization", "Bearer " + observer)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(documents.verify(content.body()).sealed())
                .as("sealed only as the signed final")
                .isFalse();
        try (var pdf = Loader.loadPDF(content.body())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Artikel 1", "Coöperatie De Kleine Schans U.A.", "ideeën", "coöperatie U.A.");
        }
        assertThat(api.get(base + "/documents", observer).body())
                .contains(document.get("id").asText());
    }

    @Test
    void whatCannotBeGeneratedIsRefusedAtItsField() {
        String path = base + "/documents/generated";
        Api.Response noDecisions = api.post(path, secretary, Map.of("kind", "DECISION_LIST"));
        assertThat(noDecisions.status()).isEqualTo(422);
        assertThat(noDecisions.body()).contains("document.no-decisions");
        Api.Response noStatute = api.post(path, secretary, Map.of("kind", "STATUTE_VERSION"));
        assertThat(noStatute.status()).isEqualTo(422);
        assertThat(noStatute.body()).contains("statuteVersionId");
        Api.Response unknown =
                api.post(path, secretary, Map.of("kind", "STATUTE_VERSION", "statuteVersionId", UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("document.statute-unknown");
        assertThat(api.post(path, secretary, Map.of("kind", "BROCHURE")).status())
                .isEqualTo(400);
        assertThat(api.send("POST", path, secretary, "application/json", "{".getBytes())
                        .status())
                .isEqualTo(400);
        Api.Response notAllowed =
                api.post(path, observer, Map.of("kind", "STATUTE_VERSION", "statuteVersionId", statuteId));
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(api.get(base + "/documents", secretary).json())
                .allSatisfy(d -> assertThat(d.get("origin").asText()).isEqualTo("GENERATED"));
    }
}
