package nl.samenspel.governance.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploading PDFs to sign: a real PDF is kept as it came; anything else is refused and nothing is kept. */
@MicronautTest(transactional = false)
class DocumentApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String secretary;
    String observer;
    String base;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("documenten", LegalForm.COOPERATIE_UA);
        secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        observer = api.login(
                fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER).email(), Fixtures.PASSWORD);
        base = "/api/v1/coalitions/" + coalition.slug() + "/documents";
    }

    static byte[] pdf(int pages, StandardProtectionPolicy protection) throws IOException {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            if (protection != null) {
                doc.protect(protection);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    Api.Response upload(String token, String filename, byte[] content) {
        Api.Multipart file = Api.Multipart.file(filename, "application/pdf", content);
        return api.send("POST", base, token, file.contentType(), file.bytes());
    }

    @Test
    void aPdfIsKeptAsItCameWithItsHashAndPages() throws Exception {
        byte[] pdf = pdf(3, null);
        Api.Response uploaded = upload(secretary, "Samenwerkingsovereenkomst 2027.pdf", pdf);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode d = uploaded.json();
        assertThat(d.get("title").asText()).isEqualTo("Samenwerkingsovereenkomst 2027");
        assertThat(d.get("pages").asInt()).isEqualTo(3);
        assertThat(d.get("origin").asText()).isEqualTo("UPLOADED");
        assertThat(d.get("sha256").asText()).isEqualTo(AgendaDocuments.sha256(pdf));

        String id = d.get("id").asText();
        assertThat(api.get(base, observer).body()).contains(id);
        java.net.http.HttpResponse<byte[]> content = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(server.getURI() + base + "/" + id + "/content"))
                                .header("Authorization", "Bearer " + observer)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(content.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("Samenwerkingsovereenkomst%202027.pdf");
        assertThat(content.body()).as("the bytes as uploaded").isEqualTo(pdf);
        assertThat(api.get(base + "/" + java.util.UUID.randomUUID(), observer).status())
                .isEqualTo(404);
    }

    @Test
    void refusedUploadsGetAClearErrorAndKeepNothing() throws IOException {
        int before = api.get(base, secretary).json().size();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        assertRefused(upload(secretary, "overeenkomst.pdf", png), 422, "document.not-pdf");

        StandardProtectionPolicy locked = new StandardProtectionPolicy("eigenaar", "geheim", new AccessPermission());
        assertRefused(upload(secretary, "versleuteld.pdf", pdf(1, locked)), 422, "document.encrypted");
        StandardProtectionPolicy restricted = new StandardProtectionPolicy("eigenaar", "", new AccessPermission());
        assertRefused(upload(secretary, "beperkt.pdf", pdf(1, restricted)), 422, "document.encrypted");

        byte[] whole = pdf(2, null);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        assertRefused(upload(secretary, "afgebroken.pdf", truncated), 422, "document.truncated");

        byte[] garbled = ("%PDF-1.7\n" + "geen pdf ".repeat(200) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        assertRefused(upload(secretary, "kapot.pdf", garbled), 422, "document.malformed");

        assertRefused(upload(secretary, "overeenkomst.docx", whole), 422, "document.not-pdf");
        assertRefused(upload(secretary, "leeg.pdf", new byte[0]), 422, null);

        byte[] huge = new byte[30 * 1024 * 1024];
        System.arraycopy(whole, 0, huge, 0, whole.length);
        Api.Response tooBig = upload(secretary, "groot.pdf", huge);
        assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(413);

        assertThat(upload(observer, "overeenkomst.pdf", whole).status()).isEqualTo(403);
        assertThat(api.get(base, secretary).json().size()).as("nothing kept").isEqualTo(before);
    }

    private static void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "at org.", "SQL");
        if (code != null) {
            assertThat(response.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("file");
            assertThat(response.json().get("errors").get(0).get("code").asText())
                    .isEqualTo(code);
        }
    }
}
