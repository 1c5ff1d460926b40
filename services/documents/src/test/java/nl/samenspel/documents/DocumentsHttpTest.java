package nl.samenspel.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import nl.samenspel.documents.complete.CompleterTest;
import nl.samenspel.documents.model.CompletionRequest;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.render.DocumentRenderer;
import org.junit.jupiter.api.Test;

@MicronautTest
class DocumentsHttpTest {

    private static final MediaType PDF = MediaType.of("application/pdf");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    DocumentRenderer renderer;

    private BlockingHttpClient client() {
        return http.toBlocking();
    }

    private byte[] modelJson(DocumentModel model) throws Exception {
        return json.writeValueAsBytes(Argument.of(DocumentModel.class), model);
    }

    @Test
    void render_returns_a_sealed_pdf_a() throws Exception {
        HttpResponse<byte[]> response = client().exchange(
                        HttpRequest.POST("/render", modelJson(Samples.decisions()))
                                .contentType(MediaType.APPLICATION_JSON),
                        byte[].class);

        assertThat(response.getContentType())
                .hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo("application/pdf"));
        byte[] pdf = response.body();
        assertThat(PdfAValidation.failures(pdf)).isEmpty();
        Map<String, Object> report = verify(pdf);
        assertThat(report).containsEntry("sealed", true).containsEntry("intact", true);
        assertThat(report).containsEntry("coversWholeDocument", true);
    }

    @Test
    void render_takes_a_verantwoordingspakket_in_json_and_refuses_one_without_its_subsidy() throws Exception {
        byte[] body = modelJson(Samples.pack());
        byte[] sealed = client().retrieve(
                        HttpRequest.POST("/render", body).contentType(MediaType.APPLICATION_JSON), byte[].class);
        assertThat(PdfAValidation.failures(sealed)).isEmpty();
        assertThat(verify(sealed)).containsEntry("sealed", true).containsEntry("intact", true);
        try (var document = org.apache.pdfbox.Loader.loadPDF(sealed)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Verantwoordingspakket 2021", "€ 1.209.505,00", "Geen gegevens.");
        }
        // Through JSON and back the data is unchanged, and so is the rendered (unsealed) pack.
        DocumentModel parsed = json.readValue(body, Argument.of(DocumentModel.class));
        assertThat(renderer.render(parsed)).isEqualTo(renderer.render(Samples.pack()));

        String missing = assertProblem(
                HttpRequest.POST("/render", "{\"kind\":\"verantwoordingspakket\",\"coalitionName\":\"Deventer\"}")
                        .contentType(MediaType.APPLICATION_JSON),
                422,
                "document.invalid");
        assertThat(missing).contains("\"field\":\"subsidy\"");
    }

    @Test
    void seal_then_verify_and_a_changed_byte_breaks_the_seal() {
        byte[] unsealed = renderer.render(Samples.certificate());
        assertThat(verify(unsealed)).containsEntry("sealed", false).doesNotContainKey("intact");

        byte[] sealed = client().retrieve(HttpRequest.POST("/seal", unsealed).contentType(PDF), byte[].class);
        Map<String, Object> report = verify(sealed);
        assertThat(report)
                .containsEntry("sealed", true)
                .containsEntry("intact", true)
                .containsEntry("coversWholeDocument", true)
                .containsEntry("subFilter", "ETSI.CAdES.detached")
                .containsKeys("byteRange", "certificate", "documentSha256", "signingTime");
        @SuppressWarnings("unchecked")
        Map<String, Object> certificate = (Map<String, Object>) report.get("certificate");
        assertThat(certificate).containsKeys("subject", "issuer", "serialNumber", "sha256Fingerprint");

        byte[] tampered = sealed.clone();
        int at = DocumentPipelineTest.indexOf(tampered, "Pagina".getBytes(StandardCharsets.US_ASCII));
        int inside = at > 0 ? at : 200;
        tampered[inside] ^= 0x01;
        assertThat(verify(tampered)).containsEntry("sealed", true).containsEntry("intact", false);
    }

    @Test
    void render_refuses_malformed_json() {
        assertProblem(
                HttpRequest.POST("/render", "{\"kind\": ").contentType(MediaType.APPLICATION_JSON),
                400,
                "request.unreadable");
        assertProblem(
                HttpRequest.POST("/render", "").contentType(MediaType.APPLICATION_JSON), 400, "request.unreadable");
        assertProblem(
                HttpRequest.POST("/render", "[1,2]").contentType(MediaType.APPLICATION_JSON),
                400,
                "request.unreadable");
    }

    @Test
    void render_refuses_an_unknown_kind_and_missing_fields() {
        String body = assertProblem(
                HttpRequest.POST("/render", "{\"kind\":\"poem\",\"title\":\"x\"}")
                        .contentType(MediaType.APPLICATION_JSON),
                422,
                "document.unknown-kind");
        assertThat(body).contains("statute-version");
        assertProblem(
                HttpRequest.POST("/render", "{\"title\":\"x\"}").contentType(MediaType.APPLICATION_JSON),
                422,
                "document.unknown-kind");

        String missing = assertProblem(
                HttpRequest.POST("/render", "{\"kind\":\"decision-list\",\"coalitionName\":\"Deventer\"}")
                        .contentType(MediaType.APPLICATION_JSON),
                422,
                "document.invalid");
        assertThat(missing).contains("\"field\":\"title\"");

        assertProblem(
                HttpRequest.POST(
                                "/render",
                                "{\"kind\":\"statute-version\",\"coalitionName\":\"X\",\"title\":\"Y\","
                                        + "\"versionNumber\":\"drie\",\"effectiveDate\":\"2026-01-01\"}")
                        .contentType(MediaType.APPLICATION_JSON),
                422,
                "document.invalid");
        assertProblem(
                HttpRequest.POST(
                                "/render",
                                "{\"kind\":\"statute-version\",\"coalitionName\":\"X\",\"title\":\"Y\","
                                        + "\"versionNumber\":1,\"effectiveDate\":\"gisteren\"}")
                        .contentType(MediaType.APPLICATION_JSON),
                422,
                "document.invalid");
    }

    @Test
    void seal_and_verify_refuse_what_is_not_a_pdf() {
        for (String path : new String[] {"/seal", "/verify"}) {
            assertProblem(HttpRequest.POST(path, new byte[0]).contentType(PDF), 400, "pdf.missing");
            assertProblem(
                    HttpRequest.POST(path, "hello".getBytes(StandardCharsets.US_ASCII))
                            .contentType(PDF),
                    400,
                    "pdf.not-pdf");
            assertProblem(
                    HttpRequest.POST(path, "%PDF-1.7\n1 0 obj <<".getBytes(StandardCharsets.US_ASCII))
                            .contentType(PDF),
                    422,
                    "pdf.unreadable");
            assertProblem(
                    HttpRequest.POST(path, "{}").contentType(MediaType.APPLICATION_JSON),
                    415,
                    "unsupported-media-type");
        }
    }

    @Test
    void complete_appends_the_certificate_and_seals_with_the_certificate_get_seal_certificate_names() throws Exception {
        byte[] original = renderer.render(Samples.statutes());
        CompletionRequest request = CompletionRequest.of(original, CompleterTest.certificateFor(original));

        HttpResponse<byte[]> response = client().exchange(
                        HttpRequest.POST("/complete", json.writeValueAsBytes(request))
                                .contentType(MediaType.APPLICATION_JSON),
                        byte[].class);

        assertThat(response.getContentType())
                .hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo("application/pdf"));
        byte[] completed = response.body();
        assertThat(PdfAValidation.failures(completed)).isEmpty();
        try (var document = org.apache.pdfbox.Loader.loadPDF(completed)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Coöperatie De Kleine Schans U.A.", "Zoë de Vries");
        }
        Map<String, Object> report = verify(completed);
        assertThat(report).containsEntry("sealed", true).containsEntry("intact", true);
        assertThat(report).containsEntry("coversWholeDocument", true);

        Map<String, Object> sealing =
                client().retrieve(HttpRequest.GET("/seal/certificate"), Argument.mapOf(String.class, Object.class));
        assertThat(sealing).isEqualTo(report.get("certificate"));
        assertThat((String) sealing.get("sha256Fingerprint")).matches("[0-9a-f]{64}");
    }

    @Test
    void complete_refuses_bad_input_with_a_problem() throws Exception {
        byte[] original = renderer.render(Samples.decisions());
        String base64 = Base64.getEncoder().encodeToString(original);
        String certificate =
                new String(json.writeValueAsBytes(CompleterTest.certificateFor(original)), StandardCharsets.UTF_8);

        assertProblem(complete(""), 400, "request.unreadable");
        assertProblem(complete("{\"original\": "), 400, "request.unreadable");
        assertThat(assertProblem(complete("{\"certificate\":" + certificate + "}"), 400, "pdf.missing"))
                .contains("\"field\":\"original\"");
        assertProblem(complete("{\"original\":42,\"certificate\":" + certificate + "}"), 400, "request.unreadable");
        assertProblem(
                complete("{\"original\":\"*not base64*\",\"certificate\":" + certificate + "}"),
                400,
                "request.unreadable");
        assertProblem(complete("{\"original\":\"aGVsbG8=\",\"certificate\":" + certificate + "}"), 400, "pdf.not-pdf");
        assertProblem(
                complete("{\"original\":\"" + Base64.getEncoder().encodeToString("%PDF-1.7\n1 0 obj <<".getBytes())
                        + "\",\"certificate\":" + certificate + "}"),
                422,
                "pdf.unreadable");

        assertThat(assertProblem(complete("{\"original\":\"" + base64 + "\"}"), 422, "document.missing"))
                .contains("\"field\":\"certificate\"");
        assertProblem(complete("{\"original\":\"" + base64 + "\",\"certificate\":5}"), 422, "document.invalid");
        assertProblem(
                complete("{\"original\":\"" + base64 + "\",\"certificate\":{\"documentTitle\":\"X\","
                        + "\"originalSha256\":\"" + "a".repeat(64) + "\",\"signers\":\"Zoë\"}}"),
                422,
                "document.invalid");
        assertThat(assertProblem(
                        complete("{\"original\":\"" + base64 + "\",\"certificate\":{\"documentTitle\":\"X\","
                                + "\"originalSha256\":\"" + "a".repeat(64) + "\"}}"),
                        422,
                        "certificate.other-original"))
                .contains("\"field\":\"certificate.originalSha256\"");

        byte[] sealed = client().retrieve(HttpRequest.POST("/seal", original).contentType(PDF), byte[].class);
        assertProblem(
                complete(new String(
                        json.writeValueAsBytes(CompletionRequest.of(sealed, CompleterTest.certificateFor(sealed))),
                        StandardCharsets.UTF_8)),
                422,
                "pdf.signed");
    }

    private static HttpRequest<String> complete(String body) {
        return HttpRequest.POST("/complete", body).contentType(MediaType.APPLICATION_JSON);
    }

    private Map<String, Object> verify(byte[] pdf) {
        return client().retrieve(
                        HttpRequest.POST("/verify", pdf).contentType(PDF), Argument.mapOf(String.class, Object.class));
    }

    /** Asserts the status, problem+json and the code, and that nothing internal leaks; returns the body. */
    private String assertProblem(HttpRequest<?> request, int status, String code) {
        HttpClientResponseException error =
                catchThrowableOfType(() -> client().exchange(request, String.class), HttpClientResponseException.class);
        assertThat(error).as("expected %s for %s", status, request.getPath()).isNotNull();
        assertThat(error.getStatus().getCode()).isEqualTo(status);
        assertThat(error.getResponse().getContentType())
                .hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo("application/problem+json"));
        String body = error.getResponse().getBody(String.class).orElse("");
        assertThat(body).contains("\"code\":\"" + code + "\"").contains("\"detail\"");
        assertThat(body).doesNotContain("Exception", "java.", "at nl.", "pdfbox");
        return body;
    }
}
