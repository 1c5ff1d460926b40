package nl.samenspel.governance.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real documents service, started in this JVM on a random port from the documents module. */
class HttpDocumentsClientTest {

    private static DocumentsServer documentsService;
    private static ApplicationContext governance;
    private static DocumentsClient documents;

    @BeforeAll
    static void start() {
        documentsService = DocumentsServer.start(true);
        // Governance's side: only the property decides which client it gets.
        governance = ApplicationContext.builder()
                .enableDefaultPropertySources(false)
                .properties(Map.of(DocumentsUrl.PROPERTY, documentsService.uri().toString()))
                .start();
        documents = governance.getBean(DocumentsClient.class);
    }

    @AfterAll
    static void stop() throws Exception {
        if (governance != null) {
            governance.close();
        }
        if (documentsService != null) {
            documentsService.close();
        }
    }

    @Test
    void the_url_chooses_the_http_client() {
        assertThat(documents).isInstanceOf(HttpDocumentsClient.class);
    }

    @Test
    void render_seal_verify_and_complete_go_through_the_service() throws Exception {
        byte[] statutes = documents.render(statutes());
        SealReport report = documents.verify(statutes);
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.certificate().sha256Fingerprint()).isEqualTo(documents.sealFingerprint());
        assertThat(documents.sealFingerprint()).matches("[0-9a-f]{64}");

        byte[] original = documents.renderUnsealed(statutes());
        assertThat(documents.verify(original).sealed()).isFalse();
        assertThat(new String(original, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(documents.verify(documents.seal(original)).valid()).isTrue();

        byte[] completed = documents.complete(original, certificate(original));
        SealReport completedReport = documents.verify(completed);
        assertThat(completedReport.valid()).isTrue();
        assertThat(completedReport.signatureCount()).isEqualTo(1);
        assertThat(completedReport.certificate().sha256Fingerprint()).isEqualTo(documents.sealFingerprint());
        try (var document = Loader.loadPDF(completed)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("De coöperatie draagt de naam", "Zoë de Vries");
        }
    }

    @Test
    void a_refusal_of_the_service_is_the_same_problem_here() throws Exception {
        byte[] original = unsealed();

        ProblemException foreign = catchThrowableOfType(
                () -> documents.complete(original, certificate("not the original".getBytes())), ProblemException.class);
        assertThat(foreign.status().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(foreign.code()).isEqualTo("certificate.other-original");
        assertThat(foreign.getMessage())
                .isEqualTo("The certificate's originalSha256 is not the SHA-256 of this original.");
        assertThat(foreign.errors())
                .containsExactly(new FieldError(
                        "certificate.originalSha256", "certificate.other-original", foreign.getMessage()));

        ProblemException notPdf =
                catchThrowableOfType(() -> documents.seal("hello".getBytes()), ProblemException.class);
        assertThat(notPdf.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(notPdf.code()).isEqualTo("pdf.not-pdf");

        ProblemException signed = catchThrowableOfType(
                () -> {
                    byte[] sealed = documents.seal(original);
                    documents.complete(sealed, certificate(sealed));
                },
                ProblemException.class);
        assertThat(signed.code()).isEqualTo("pdf.signed");

        var untitled = new StatuteVersionDocument("X", null, 1, " ", LocalDate.of(2026, 1, 1), List.of());
        ProblemException invalid = catchThrowableOfType(() -> documents.render(untitled), ProblemException.class);
        assertThat(invalid.status().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("title");
        assertThat(invalid).isNotInstanceOf(DocumentsUnavailableException.class);
    }

    @Test
    void no_service_at_the_address_is_unavailable_and_may_be_retried() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DocumentsClient nobody = new HttpDocumentsClient(
                URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5), governance.getBean(JsonMapper.class));

        DocumentsUnavailableException e =
                catchThrowableOfType(nobody::sealFingerprint, DocumentsUnavailableException.class);

        assertThat(e.status().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(e.code()).isEqualTo(DocumentsUnavailableException.CODE);
        assertThat(e.headers()).containsKey("Retry-After");
    }

    @Test
    void a_server_without_the_endpoints_is_a_configuration_error_not_a_refusal() throws Exception {
        try (DocumentsServer elsewhere = DocumentsServer.start(false)) {
            DocumentsClient wrong = new HttpDocumentsClient(
                    elsewhere.uri(), Duration.ofSeconds(5), governance.getBean(JsonMapper.class));

            IllegalStateException e = catchThrowableOfType(wrong::sealFingerprint, IllegalStateException.class);

            assertThat(e).hasMessageContaining("404").hasMessageContaining("GET /seal/certificate");
            assertThat(e).isNotInstanceOf(ProblemException.class);
        }
    }

    /** An original to complete: rendered here, not sealed (a sealed one is refused as signed). */
    static byte[] unsealed() {
        return new DocumentRenderer().render(statutes());
    }

    private static StatuteVersionDocument statutes() {
        return new StatuteVersionDocument(
                "De Kleine Schans",
                "coöperatie U.A.",
                1,
                "Statuten De Kleine Schans",
                LocalDate.of(2026, 3, 1),
                List.of(new StatuteVersionDocument.Article("1", "Naam", "De coöperatie draagt de naam …")));
    }

    static CompletionCertificate certificate(byte[] original) throws Exception {
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
        return new CompletionCertificate(
                "Overeenkomst",
                sha256,
                List.of(new CompletionCertificate.Signer(
                        "Zoë de Vries",
                        "MEE IJsseloevers",
                        Instant.parse("2026-11-02T10:15:30Z"),
                        "192.0.2.10",
                        "Firefox",
                        "Ik onderteken namens MEE IJsseloevers.")),
                List.of(),
                List.of());
    }
}
