package nl.samenspel.documents.complete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.samenspel.documents.DocumentRejectedException;
import nl.samenspel.documents.ExternalTools;
import nl.samenspel.documents.PdfAValidation;
import nl.samenspel.documents.Samples;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealReport;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;
import nl.samenspel.documents.seal.SealingKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class CompleterTest {

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

    private Sealer sealer() {
        return new Sealer(key, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Completer completer() {
        return new Completer(renderer, sealer());
    }

    /** The sample certificate, tied to this original by its SHA-256. */
    public static CompletionCertificate certificateFor(byte[] original) {
        CompletionCertificate sample = Samples.certificate();
        return new CompletionCertificate(
                sample.documentTitle(),
                SealVerifier.sha256(original),
                sample.signers(),
                sample.timeline(),
                sample.hashes());
    }

    @Test
    void a_pdf_a_original_completes_to_a_sealed_pdf_a_with_the_certificate_after_its_pages() throws Exception {
        byte[] original = renderer.render(Samples.statutes());
        CompletionCertificate certificate = certificateFor(original);
        int originalPages = pages(original);
        int certificatePages = pages(renderer.render(certificate));

        byte[] completed = completer().complete(original, certificate);

        assertThat(PdfAValidation.failures(completed))
                .as("veraPDF on the final")
                .isEmpty();
        SealReport report = verifier.verify(completed);
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatureCount()).isEqualTo(1);
        try (PDDocument document = Loader.loadPDF(completed)) {
            assertThat(document.getNumberOfPages()).isEqualTo(originalPages + certificatePages);
            var outline = document.getDocumentCatalog().getDocumentOutline();
            assertThat(outline.children())
                    .extracting(PDOutlineItem::getTitle)
                    .containsExactly("Statuten De Kleine Schans", Completer.BOOKMARK);
            assertThat(outline.getFirstChild().children()).hasSize(30);
            PDOutlineItem bookmark = outline.getLastChild();
            assertThat(pageIndex(document, bookmark)).isEqualTo(originalPages);
            assertThat(bookmark.children())
                    .extracting(PDOutlineItem::getTitle)
                    .containsExactly("Ondertekenaars", "Tijdlijn", "Hashes");
            for (PDOutlineItem section : bookmark.children()) {
                assertThat(pageIndex(document, section)).isGreaterThanOrEqualTo(originalPages);
            }
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Statuten De Kleine Schans");
        }

        Path file = ExternalTools.write(dir, "final.pdf", completed);
        assertCheckedBySealAndSyntax(file);
        ExternalTools.Run pdftotext = ExternalTools.run(file, "pdftotext", "-enc", "UTF-8");
        assertThat(pdftotext.exitCode()).as(pdftotext.output()).isZero();
        String text = Files.readString(dir.resolve("final.txt"));
        assertThat(text)
                .contains("Coöperatie De Kleine Schans U.A.", "Pagina 1 van " + originalPages)
                .contains("Zoë de Vries", "MEE IJsseloevers")
                .contains("financiële")
                .doesNotContain("\uFB00", "\uFB01", "\uFB02");
        // A hash wider than what is left of its line is wrapped onto the next one.
        assertThat(text.replaceAll("\\s+", "")).contains(certificate.originalSha256());
    }

    @Test
    void a_plain_pdf_completes_and_seals_but_does_not_become_pdf_a() throws Exception {
        byte[] original = plainPdf();
        byte[] completed = completer().complete(original, certificateFor(original));

        assertThat(pages(completed)).isEqualTo(1 + pages(renderer.render(certificateFor(original))));
        assertThat(verifier.verify(completed).valid()).isTrue();
        assertThat(PdfAValidation.failures(completed)).isNotEmpty();
        Path file = ExternalTools.write(dir, "plain-final.pdf", completed);
        assertCheckedBySealAndSyntax(file);
        try (PDDocument document = Loader.loadPDF(completed)) {
            PDOutlineItem bookmark =
                    document.getDocumentCatalog().getDocumentOutline().getFirstChild();
            assertThat(bookmark.getTitle()).isEqualTo(Completer.BOOKMARK);
            assertThat(pageIndex(document, bookmark)).isEqualTo(1);
        }
    }

    @Test
    void what_is_not_a_readable_unencrypted_unsigned_pdf_is_refused() throws Exception {
        var certificate = Samples.certificate();
        assertRejected(new byte[0], certificate, "pdf.missing");
        assertRejected("hello".getBytes(), certificate, "pdf.not-pdf");
        assertRejected("%PDF-1.7\ngarbage".getBytes(), certificate, "pdf.unreadable");

        byte[] encrypted = encryptedPdf();
        assertRejected(encrypted, certificateFor(encrypted), "pdf.encrypted");

        byte[] sealed = sealer().seal(renderer.render(Samples.decisions()));
        assertRejected(sealed, certificateFor(sealed), "pdf.signed");
    }

    @Test
    void a_missing_invalid_or_foreign_certificate_is_refused_with_the_field() {
        byte[] original = renderer.render(Samples.decisions());

        assertThat(assertRejected(original, null, "document.missing").field()).isEqualTo("certificate");

        var good = certificateFor(original);
        var unnamed = new CompletionCertificate(
                good.documentTitle(),
                good.originalSha256(),
                List.of(new CompletionCertificate.Signer(" ", null, null, null, null, null)),
                List.of(),
                List.of());
        DocumentRejectedException e = assertRejected(original, unnamed, "document.invalid");
        assertThat(e.field()).isEqualTo("certificate.signers[0].name");
        assertThat(e.getMessage()).isEqualTo("certificate.signers[0].name is required.");

        var badHash = new CompletionCertificate(good.documentTitle(), "xyz", List.of(), List.of(), List.of());
        assertThat(assertRejected(original, badHash, "document.invalid").field())
                .isEqualTo("certificate.originalSha256");

        assertThat(assertRejected(original, Samples.certificate(), "certificate.other-original")
                        .field())
                .isEqualTo("certificate.originalSha256");
    }

    private DocumentRejectedException assertRejected(byte[] original, CompletionCertificate certificate, String code) {
        DocumentRejectedException[] caught = new DocumentRejectedException[1];
        assertThatThrownBy(() -> completer().complete(original, certificate))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    caught[0] = e;
                });
        return caught[0];
    }

    private static void assertCheckedBySealAndSyntax(Path file) {
        ExternalTools.Run qpdf = ExternalTools.run(file, "qpdf", "--check");
        assertThat(qpdf.exitCode()).as(qpdf.output()).isZero();
        assertThat(qpdf.output()).contains("No syntax or stream encoding errors");
        ExternalTools.Run pdfsig = ExternalTools.run(file, "pdfsig");
        assertThat(pdfsig.output())
                .as(pdfsig.output())
                .contains("Signature Validation: Signature is Valid.")
                .contains("Total document signed");
    }

    private static int pages(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    private static int pageIndex(PDDocument document, PDOutlineItem item) throws Exception {
        return document.getPages().indexOf(((PDPageDestination) item.getDestination()).getPage());
    }

    /** One page of Helvetica text, no XMP, no output intent: a PDF, not a PDF/A. */
    static byte[] plainPdf() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Overeenkomst zonder PDF/A");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] encryptedPdf() throws Exception {
        try (PDDocument document = Loader.loadPDF(plainPdf())) {
            var policy = new StandardProtectionPolicy("owner", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
