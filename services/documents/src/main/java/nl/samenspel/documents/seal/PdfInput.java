package nl.samenspel.documents.seal;

import java.io.IOException;
import nl.samenspel.documents.DocumentRejectedException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Bytes a caller says are a PDF: refused with a clear reason before PDFBox sees them, or loaded. */
public final class PdfInput {

    private PdfInput() {}

    /** @throws DocumentRejectedException when the bytes are missing, not a PDF, password protected or damaged */
    public static PDDocument load(byte[] pdf) {
        check(pdf);
        try {
            return Loader.loadPDF(pdf);
        } catch (InvalidPasswordException e) {
            throw new DocumentRejectedException("pdf.encrypted", "The PDF is password protected.");
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException("pdf.unreadable", "The PDF is damaged and cannot be read.");
        }
    }

    public static void check(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw new DocumentRejectedException("pdf.missing", "The request has no PDF in its body.");
        }
        if (!startsWithPdfHeader(pdf)) {
            throw new DocumentRejectedException("pdf.not-pdf", "The body is not a PDF (it does not start with %PDF-).");
        }
    }

    private static boolean startsWithPdfHeader(byte[] pdf) {
        // The header may follow a little leading garbage (ISO 32000 allows readers to look ahead 1024 bytes).
        String head = new String(pdf, 0, Math.min(pdf.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }
}
