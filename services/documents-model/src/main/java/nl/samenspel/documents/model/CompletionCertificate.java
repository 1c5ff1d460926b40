package nl.samenspel.documents.model;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The bewijs van ondertekening that goes with a signed document: who signed, when, from where, what
 * they agreed to, the timeline of the signing workflow and the hashes that tie it to the original.
 */
@Serdeable
public record CompletionCertificate(
        String documentTitle,
        String originalSha256,
        List<Signer> signers,
        List<TimelineEvent> timeline,
        List<Hash> hashes)
        implements DocumentModel {

    public static final String KIND = "completion-certificate";

    public static final String TITLE_PREFIX = "Bewijs van ondertekening: ";

    public CompletionCertificate {
        signers = signers == null ? List.of() : List.copyOf(signers);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        hashes = hashes == null ? List.of() : List.copyOf(hashes);
    }

    @Override
    public String pdfTitle() {
        return TITLE_PREFIX + documentTitle;
    }

    @Serdeable
    public record Signer(
            String name,
            String memberOrganisation,
            Instant signedAt,
            String ipAddress,
            String userAgent,
            String consentText) {}

    @Serdeable
    public record TimelineEvent(Instant at, String description) {}

    /** A labelled SHA-256, e.g. of the original, of the signed document, of an audit event. */
    @Serdeable
    public record Hash(String label, String sha256) {}
}
