package nl.samenspel.documents.complete;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import nl.samenspel.documents.DocumentRejectedException;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.PdfInput;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Makes the final of a signed document: the original's pages as they were, then the bewijs van
 * ondertekening (rendered here, once), a bookmark {@value #BOOKMARK} at its first page next to the
 * original's own bookmarks, and one seal over the whole. The result is PDF/A-2b exactly when the
 * original is: the original's metadata and output intent are kept, the certificate's pages are PDF/A-2b.
 *
 * <p>The original is saved in full once (its pages get new neighbours), so a signature it already
 * carries would no longer hold: such originals are refused ({@code pdf.signed}) instead of quietly
 * breaking somebody else's signature. Plain Java and thread-safe.
 */
public final class Completer {

    public static final String BOOKMARK = "Bewijs van ondertekening";

    private final DocumentRenderer renderer;
    private final Sealer sealer;

    public Completer(DocumentRenderer renderer, Sealer sealer) {
        this.renderer = renderer;
        this.sealer = sealer;
    }

    /**
     * The sealed final: original pages, certificate pages, one seal.
     *
     * @throws DocumentRejectedException when the original is not a readable, unencrypted, unsigned PDF,
     *     or the certificate is missing, invalid or names another original (its {@code originalSha256})
     */
    public byte[] complete(byte[] original, CompletionCertificate certificate) {
        try (PDDocument document = PdfInput.load(original)) {
            if (document.isEncrypted()) {
                throw new DocumentRejectedException("pdf.encrypted", "Encrypted PDFs cannot be completed.");
            }
            if (!document.getSignatureDictionaries().isEmpty()) {
                throw new DocumentRejectedException(
                        "pdf.signed",
                        "The PDF already carries a signature, which adding the certificate of completion would"
                                + " break.");
            }
            byte[] certificatePdf = renderCertificate(original, certificate);
            try (PDDocument certificateDocument = Loader.loadPDF(certificatePdf)) {
                append(document, certificateDocument);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + certificatePdf.length + 4096);
            // Object streams are PDF 1.5; an older original (PDF/A-1 among them) keeps a classic xref table.
            document.save(
                    out,
                    document.getVersion() < 1.5f
                            ? CompressParameters.NO_COMPRESSION
                            : CompressParameters.DEFAULT_COMPRESSION);
            return sealer.seal(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Completing the document failed", e);
        }
    }

    private byte[] renderCertificate(byte[] original, CompletionCertificate certificate) {
        if (certificate == null) {
            throw new DocumentRejectedException("document.missing", "certificate", "certificate is required.");
        }
        byte[] rendered;
        try {
            rendered = renderer.render(certificate);
        } catch (DocumentRejectedException e) {
            throw new DocumentRejectedException(
                    e.code(),
                    e.field() == null ? "certificate" : "certificate." + e.field(),
                    e.field() != null && e.getMessage().startsWith(e.field())
                            ? "certificate." + e.getMessage()
                            : e.getMessage());
        }
        if (!certificate.originalSha256().toLowerCase(Locale.ROOT).equals(SealVerifier.sha256(original))) {
            throw new DocumentRejectedException(
                    "certificate.other-original",
                    "certificate.originalSha256",
                    "The certificate's originalSha256 is not the SHA-256 of this original.");
        }
        return rendered;
    }

    /** The certificate's pages after the original's, with its bookmarks below one {@value #BOOKMARK}. */
    private static void append(PDDocument document, PDDocument certificate) throws IOException {
        int originalPages = document.getNumberOfPages();
        PDDocumentOutline certificateOutline = certificate.getDocumentCatalog().getDocumentOutline();
        // The merger would copy the certificate's outline as it is; it is rebuilt below under one bookmark.
        certificate.getDocumentCatalog().setDocumentOutline(null);
        new PDFMergerUtility().appendDocument(document, certificate);

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentOutline outline = catalog.getDocumentOutline();
        if (outline == null) {
            outline = new PDDocumentOutline();
            catalog.setDocumentOutline(outline);
        }
        PDOutlineItem top = item(BOOKMARK, document.getPage(originalPages), null);
        outline.addLast(top);
        if (certificateOutline != null && certificateOutline.getFirstChild() != null) {
            // The rendered certificate has one top bookmark (its title) with a child per section.
            for (PDOutlineItem section : certificateOutline.getFirstChild().children()) {
                if (section.getDestination() instanceof PDPageDestination destination) {
                    int index = certificate.getPages().indexOf(destination.getPage());
                    if (index >= 0) {
                        top.addLast(item(section.getTitle(), document.getPage(originalPages + index), destination));
                    }
                }
            }
        }
        top.openNode();
    }

    private static PDOutlineItem item(String title, PDPage page, PDPageDestination like) {
        PDPageXYZDestination destination = new PDPageXYZDestination();
        destination.setPage(page);
        destination.setLeft(0);
        if (like instanceof PDPageXYZDestination xyz) {
            destination.setTop(xyz.getTop());
        } else {
            destination.setTop((int) page.getMediaBox().getUpperRightY());
        }
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(destination);
        return item;
    }
}
