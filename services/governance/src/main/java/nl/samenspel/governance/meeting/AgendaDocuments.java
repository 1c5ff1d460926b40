package nl.samenspel.governance.meeting;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import nl.samenspel.core.problem.ProblemException;

/**
 * What may be attached to an agenda item: office documents, PDFs, plain text and images, up to 10 MB.
 * The type is decided by the file's extension and checked against its first bytes; what the browser
 * claims is not trusted, so a download is always served as the type the content really is.
 */
public final class AgendaDocuments {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The bytes of a document with the name and type to serve them under. */
    public record Download(String filename, String contentType, byte[] content) {}

    private record Kind(String contentType, byte[] magic) {}

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] NONE = {};

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("pdf", new Kind("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'})),
            Map.entry("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP)),
            Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP)),
            Map.entry(
                    "pptx", new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP)),
            Map.entry("odt", new Kind("application/vnd.oasis.opendocument.text", ZIP)),
            Map.entry("ods", new Kind("application/vnd.oasis.opendocument.spreadsheet", ZIP)),
            Map.entry("odp", new Kind("application/vnd.oasis.opendocument.presentation", ZIP)),
            Map.entry("doc", new Kind("application/msword", OLE)),
            Map.entry("xls", new Kind("application/vnd.ms-excel", OLE)),
            Map.entry("txt", new Kind("text/plain; charset=UTF-8", NONE)),
            Map.entry("csv", new Kind("text/csv; charset=UTF-8", NONE)),
            Map.entry("png", new Kind("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})),
            Map.entry("jpg", new Kind("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})),
            Map.entry("jpeg", new Kind("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})));

    private AgendaDocuments() {}

    /** The file's own name without any path, control characters or surrounding blanks. */
    public static String safeFilename(String submitted) {
        String name = submitted == null ? "" : submitted;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.length() > 255) {
            throw ProblemException.invalidField(
                    "file", "document.name-invalid", "the file needs a name of 1 to 255 characters");
        }
        return name;
    }

    /** The content type to store and serve, or a 422 when the file is not one the product accepts. */
    public static String checkType(String filename, String claimed, byte[] content) {
        if (content.length == 0) {
            throw ProblemException.invalidField("file", "document.empty", "the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw ProblemException.invalidField("file", "document.too-large", "a document is at most 10 MB");
        }
        int dot = filename.lastIndexOf('.');
        Kind kind = dot < 0 ? null : KINDS.get(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw ProblemException.invalidField(
                    "file",
                    "document.type-not-accepted",
                    "accepted are PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG and JPEG files");
        }
        if (!startsWith(content, kind.magic())) {
            throw ProblemException.invalidField(
                    "file", "document.content-mismatch", "the file's content does not match its extension");
        }
        return kind.contentType();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Content-Disposition that keeps the name (RFC 6266 with an RFC 5987 UTF-8 form) and cannot break out. */
    public static String attachment(String filename) {
        String ascii =
                filename.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = java.net.URLEncoder.encode(filename, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
