package nl.samenspel.documents.seal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * What {@link SealVerifier} found: whether the PDF carries a seal, whether the signed bytes are unchanged
 * and the signature checks out against its certificate, and what the seal covers. Only the last
 * signature is reported; it is the one that should cover the whole file.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SealReport(
        boolean sealed,
        Boolean intact,
        List<Long> byteRange,
        Boolean coversWholeDocument,
        String subFilter,
        CertificateInfo certificate,
        String documentSha256,
        Instant signingTime,
        int signatureCount,
        String problem) {

    public static SealReport notSealed(String documentSha256) {
        return new SealReport(false, null, null, null, null, null, documentSha256, null, 0, null);
    }

    /** Sealed and the seal holds for every byte of the file. */
    public boolean valid() {
        return sealed && Boolean.TRUE.equals(intact) && Boolean.TRUE.equals(coversWholeDocument);
    }

    @Serdeable
    public record CertificateInfo(String subject, String issuer, String serialNumber, String sha256Fingerprint) {}
}
