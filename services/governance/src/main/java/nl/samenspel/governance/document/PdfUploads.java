package nl.samenspel.governance.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.samenspel.core.problem.ProblemException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Whether uploaded bytes are a PDF that can be signed: the bytes say PDF, PDFBox parses it, it is not
 * encrypted, it has pages, and it ends as a complete PDF does. Every refusal is a 422 on field
 * {@code file} with its own code, decided before anything is stored.
 */
public final class PdfUploads {

    public static final int MAX_BYTES = 25 * 1024 * 1024;

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    /** What the check learned about an accepted PDF; {@code signed}: it carries a signature already. */
    public record Facts(int pages, boolean signed) {}

    private PdfUploads() {}

    public static Facts check(byte[] content) {
        if (content.length == 0) {
            throw refused("document.empty", "the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw refused("document.too-large-to-sign", "a document to sign is at most 25 MB");
        }
        if (!startsWith(content, MAGIC)) {
            throw refused("document.not-pdf", "the file is not a PDF");
        }
        // PDFBox repairs a cut-off file silently; a complete PDF ends with %%EOF (give or take a newline).
        if (indexOf(content, EOF, Math.max(0, content.length - 1024)) < 0) {
            throw refused("document.truncated", "the PDF is incomplete: its end is missing");
        }
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.isEncrypted()) {
                throw refused(
                        "document.encrypted", "the PDF is encrypted; upload it without a password or restrictions");
            }
            int pages = pdf.getNumberOfPages();
            if (pages < 1) {
                throw refused("document.malformed", "the PDF has no pages");
            }
            return new Facts(pages, !pdf.getSignatureDictionaries().isEmpty());
        } catch (InvalidPasswordException e) {
            throw refused("document.encrypted", "the PDF is encrypted; upload it without a password or restrictions");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw refused("document.malformed", "the PDF cannot be read");
        }
    }

    private static ProblemException refused(String code, String message) {
        return ProblemException.invalidField("file", code, message);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length
                && java.util.Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] content, byte[] needle, int from) {
        outer:
        for (int i = from; i <= content.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
