package nl.samenspel.documents.seal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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

    /** A certificate as the service names it; the fingerprint is the SHA-256 of its DER, lower-case hex. */
    @Serdeable
    public record CertificateInfo(String subject, String issuer, String serialNumber, String sha256Fingerprint) {

        public static CertificateInfo of(X509Certificate certificate) {
            try {
                return new CertificateInfo(
                        certificate.getSubjectX500Principal().getName(),
                        certificate.getIssuerX500Principal().getName(),
                        certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                        SealVerifier.sha256(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("The certificate cannot be encoded", e);
            }
        }
    }
}
