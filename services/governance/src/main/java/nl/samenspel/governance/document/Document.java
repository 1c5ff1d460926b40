package nl.samenspel.governance.document;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A PDF kept for signing, described without its bytes. */
@Serdeable
public record Document(
        UUID id,
        String title,
        String filename,
        Origin origin,
        int sizeBytes,
        int pages,
        String sha256,
        Instant createdAt,
        String createdBy) {

    public enum Origin {
        UPLOADED,
        GENERATED
    }
}
