package nl.samenspel.documents.model;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Base64;

/**
 * The body of {@code POST /complete}: the original PDF, standard base64 (RFC 4648, no line breaks), and
 * the certificate of completion to append to it. The certificate's {@code kind} may be left out.
 */
@Serdeable
public record CompletionRequest(String original, CompletionCertificate certificate) {

    public static CompletionRequest of(byte[] original, CompletionCertificate certificate) {
        return new CompletionRequest(Base64.getEncoder().encodeToString(original), certificate);
    }
}
