package nl.samenspel.governance.signing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.samenspel.documents.seal.SealReport;

/**
 * What an uploaded PDF turned out to be: whether it carries a seal, whether that seal is intact and
 * covers the whole file, whether this platform made it, and — only for a user of the coalition it
 * belongs to — which signature request it completed.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(
        boolean sealed,
        boolean intact,
        boolean coversWholeDocument,
        boolean sealedByThisPlatform,
        String documentSha256,
        @Nullable SealReport.CertificateInfo certificate,
        @Nullable Instant sealedAt,
        @Nullable String problem,
        Belongs belongsTo,
        @Nullable SignedRequest signatureRequest,
        @Nullable PackInfo pack) {

    /**
     * KNOWN: a signed final or a pack of a coalition of the caller; OTHER_COALITION: a signed final the
     * caller may not see; NONE.
     */
    public enum Belongs {
        KNOWN,
        OTHER_COALITION,
        NONE
    }

    @Serdeable
    public record SignedRequest(
            String coalitionSlug,
            String coalitionName,
            UUID id,
            String title,
            Instant completedAt,
            List<String> signedBy) {}

    /** A verantwoordingspakket of one of the caller's coalitions that is exactly this file. */
    @Serdeable
    public record PackInfo(
            String coalitionSlug, String coalitionName, UUID id, UUID subsidyId, int year, Instant completedAt) {}

    /** Valid, and made with this platform's sealing key. */
    public boolean trustworthy() {
        return sealed && intact && coversWholeDocument && sealedByThisPlatform;
    }
}
