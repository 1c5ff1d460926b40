package nl.samenspel.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealReport;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;
import nl.samenspel.documents.seal.SealingKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentPipelineTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static SealingKey key;

    private final DocumentRenderer renderer = new DocumentRenderer(Clock.fixed(NOW, ZoneOffset.UTC));
    private final SealVerifier verifier = new SealVerifier();

    @TempDir
    Path dir;

    @BeforeAll
    static void key() {
        key = SealingKey.generateDevelopmentKey();
    }

    static Stream<DocumentModel> models() {
        return Stream.of(Samples.statutes(), Samples.decisions(), Samples.certificate());
    }

    private Sealer sealer() {
        return new Sealer(key, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @MethodSource("models")
    void rendered_and_sealed_documents_are_pdf_a_2b(DocumentModel model) {
        byte[] rendered = renderer.render(model);
        assertThat(PdfAValidation.failures(rendered))
                .as("veraPDF on the rendered PDF")
                .isEmpty();

        byte[] sealed = sealer().seal(rendered);
        assertThat(PdfAValidation.failures(sealed))
                .as("veraPDF on the sealed PDF")
                .isEmpty();
        assertThat(new String(sealed, 0, rendered.length, StandardCharsets.ISO_8859_1))
                .as("sealing only appends")
                .isEqualTo(new String(rendered, StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @MethodSource("models")
    void qpdf_and_pdfsig_accept_the_seal(DocumentModel model) throws Exception {
        byte[] sealed = sealer().seal(renderer.render(model));
        Path file = ExternalTools.write(dir, "sealed.pdf", sealed);

        ExternalTools.Run qpdf = ExternalTools.run(file, "qpdf", "--check");
        assertThat(qpdf.exitCode()).as(qpdf.output()).isZero();
        assertThat(qpdf.output()).contains("No syntax or stream encoding errors");

        ExternalTools.Run pdfsig = ExternalTools.run(file, "pdfsig");
        System.out.println("qpdf --check:\n" + qpdf.output() + "pdfsig:\n" + pdfsig.output());
        assertThat(pdfsig.output())
                .as(pdfsig.output())
                .contains("Signature Validation: Signature is Valid.")
                .contains("Signature Type: ETSI.CAdES.detached")
                .contains("Total document signed");
    }

    @Test
    void the_pdf_a_check_can_fail() throws Exception {
        // A PDF without XMP, output intent or embedded font: veraPDF must say so, or the checks above prove nothing.
        try (PDDocument plain = new PDDocument()) {
            plain.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var out = new java.io.ByteArrayOutputStream();
            plain.save(out);
            assertThat(PdfAValidation.failures(out.toByteArray())).isNotEmpty();
        }
    }

    @Test
    void verify_reports_an_intact_seal_over_the_whole_document() {
        byte[] sealed = sealer().seal(renderer.render(Samples.decisions()));

        SealReport report = verifier.verify(sealed);

        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(report.signingTime()).isEqualTo(NOW);
        assertThat(report.byteRange()).hasSize(4).first().isEqualTo(0L);
        assertThat(report.byteRange().get(2) + report.byteRange().get(3)).isEqualTo(sealed.length);
        assertThat(report.certificate().subject()).contains("Samenspel development seal");
        assertThat(report.certificate().sha256Fingerprint()).hasSize(64);
        assertThat(report.documentSha256()).hasSize(64);
        assertThat(report.signatureCount()).isEqualTo(1);
    }

    @Test
    void one_changed_byte_inside_the_signed_range_breaks_the_seal() {
        byte[] sealed = sealer().seal(renderer.render(Samples.decisions()));
        byte[] tampered = sealed.clone();
        int at = indexOf(tampered, "Samenspel documents".getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive();
        tampered[at] = 'X';

        SealReport report = verifier.verify(tampered);

        assertThat(report.sealed()).isTrue();
        assertThat(report.intact()).isFalse();
        assertThat(report.valid()).isFalse();
        assertThat(report.problem()).isNotBlank();
    }

    @Test
    void bytes_appended_after_sealing_are_not_covered() {
        byte[] sealed = sealer().seal(renderer.render(Samples.certificate()));
        byte[] extended = new byte[sealed.length + 10];
        System.arraycopy(sealed, 0, extended, 0, sealed.length);
        System.arraycopy("\n% extra\n".getBytes(StandardCharsets.US_ASCII), 0, extended, sealed.length, 9);

        SealReport report = verifier.verify(extended);

        assertThat(report.intact()).isTrue();
        assertThat(report.coversWholeDocument()).isFalse();
        assertThat(report.valid()).isFalse();
    }

    @Test
    void an_unsealed_pdf_is_reported_as_not_sealed() {
        SealReport report = verifier.verify(renderer.render(Samples.certificate()));

        assertThat(report.sealed()).isFalse();
        assertThat(report.intact()).isNull();
        assertThat(report.documentSha256()).hasSize(64);
    }

    @Test
    void dutch_text_and_page_numbers_can_be_extracted() throws Exception {
        byte[] pdf = renderer.render(Samples.statutes());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Coöperatie De Kleine Schans U.A.")
                    .contains("ideeën")
                    .contains("financiële")
                    .contains("€ 25.000")
                    .contains("Pagina 1 van " + pages)
                    .contains("Pagina " + pages + " van " + pages)
                    .contains("1 maart 2026");
            var outline = document.getDocumentCatalog().getDocumentOutline();
            assertThat(outline.getFirstChild().getTitle()).isEqualTo("Statuten De Kleine Schans");
            assertThat(outline.getFirstChild().children()).hasSize(30);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Statuten De Kleine Schans");
        }
        Path file = ExternalTools.write(dir, "statutes.pdf", pdf);
        ExternalTools.Run pdftotext = ExternalTools.run(file, "pdftotext", "-enc", "UTF-8");
        assertThat(pdftotext.exitCode()).as(pdftotext.output()).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("statutes.txt")))
                .contains("ideeën", "coöperatie U.A.", "€ 25.000");
    }

    @Test
    void decision_lists_and_certificates_show_their_dutch_text() throws Exception {
        try (PDDocument decisions = Loader.loadPDF(renderer.render(Samples.decisions()));
                PDDocument certificate = Loader.loadPDF(renderer.render(Samples.certificate()))) {
            assertThat(new PDFTextStripper().getText(decisions))
                    .contains("één stem", "€ 1.250", "Financiële", "voor 5, tegen 1, onthouding 0", "Pagina 1 van 1");
            assertThat(new PDFTextStripper().getText(certificate))
                    .contains("Zoë de Vries", "MEE IJsseloevers", "2 november 2026 11:15:30", "a".repeat(64));
            assertThat(decisions
                            .getDocumentCatalog()
                            .getDocumentOutline()
                            .getFirstChild()
                            .children())
                    .extracting(item -> item.getTitle())
                    .containsExactly("Besluit 2026-001: Toetreding Raster", "Besluit 2026-002: Begroting");
        }
    }

    @Test
    void a_model_without_a_title_is_rejected_with_the_field() {
        var statutes = Samples.statutes();
        var untitled = new StatuteVersionDocument(
                statutes.coalitionName(), statutes.legalForm(), 1, " ", statutes.effectiveDate(), statutes.articles());

        assertThatThrownBy(() -> renderer.render(untitled))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.field())
                        .isEqualTo("title"));
    }

    @Test
    void characters_without_a_glyph_do_not_fail_the_document() {
        var statutes = Samples.statutes();
        var odd = new StatuteVersionDocument(
                statutes.coalitionName(),
                statutes.legalForm(),
                1,
                "Statuten\t𝄞 \u200B" + "x".repeat(300),
                statutes.effectiveDate(),
                java.util.List.of(new StatuteVersionDocument.Article("1", null, null)));

        assertThat(PdfAValidation.failures(renderer.render(odd))).isEmpty();
    }

    @Test
    void sealing_rejects_what_is_not_a_pdf() {
        assertThatThrownBy(() -> sealer().seal(new byte[0]))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.code())
                        .isEqualTo("pdf.missing"));
        assertThatThrownBy(() -> sealer().seal("hello".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.code())
                        .isEqualTo("pdf.not-pdf"));
        assertThatThrownBy(() -> sealer().seal("%PDF-1.7\ngarbage".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.code())
                        .isEqualTo("pdf.unreadable"));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
