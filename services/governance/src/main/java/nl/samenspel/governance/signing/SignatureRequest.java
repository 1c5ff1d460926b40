package nl.samenspel.governance.signing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request for member organisations to sign one document, with its signatories and, once every
 * signature is in and the final PDF is sealed, that final. Evidence (IP address, browser) is shown to
 * the secretary and the accountant only.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignatureRequest(
        UUID id,
        UUID documentId,
        String documentTitle,
        String documentSha256,
        String title,
        String message,
        Order order,
        Instant deadline,
        Status status,
        Instant createdAt,
        String createdBy,
        @Nullable Instant signedAt,
        @Nullable Instant endedAt,
        @Nullable String endedBy,
        @Nullable String endReason,
        List<Signatory> signatories,
        @Nullable Final signed,
        @Nullable Boolean sealingRetrying,
        @Nullable Boolean sealingFailed,
        List<Turn> yourTurns,
        int version) {

    public enum Order {
        PARALLEL,
        SEQUENTIAL
    }

    /** OPEN until every signature is in (then SEALING until the final is sealed, then COMPLETED) or it ends. */
    public enum Status {
        OPEN,
        SEALING,
        COMPLETED,
        DECLINED,
        CANCELLED,
        EXPIRED;

        public boolean ended() {
            return this != OPEN && this != SEALING;
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signatory(
            int position,
            int step,
            UUID memberId,
            String memberName,
            @Nullable UUID representativeId,
            @Nullable String representativeName,
            String state,
            @Nullable Instant actedAt,
            @Nullable String signerName,
            @Nullable String consentText,
            @Nullable String documentSha256,
            @Nullable String declineReason,
            @Nullable String ipAddress,
            @Nullable String userAgent) {

        public boolean signed() {
            return "SIGNED".equals(state);
        }

        public boolean pending() {
            return "PENDING".equals(state);
        }
    }

    /**
     * A signature the caller may give now, with the exact consent text that will be recorded; or, when
     * {@code inTurn} is false, one that waits for earlier signatories (a sequential request).
     */
    @Serdeable
    public record Turn(int position, UUID memberId, String memberName, boolean inTurn, String consentText) {

        /** The SHA-256 of the consent text, to send back with the signature. */
        public String consentSha256() {
            return nl.samenspel.governance.meeting.AgendaDocuments.sha256(
                    consentText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The sealed final PDF: original pages and the certificate of completion. */
    @Serdeable
    public record Final(String sha256, int sizeBytes, int pages, Instant createdAt) {}
}
