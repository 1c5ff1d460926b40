package nl.samenspel.governance.publication;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;

/**
 * What the coalition published for the staff of its members: a progress report (title and text), a
 * decision, the plan, or a document staff may download. {@code withdrawnAt} shows only to the secretary.
 */
@Serdeable
public record Publication(
        UUID id,
        Kind kind,
        String title,
        String body,
        @Nullable UUID trajectId,
        @Nullable String trajectTitle,
        @Nullable UUID documentId,
        @Nullable String documentFilename,
        Instant publishedAt,
        String publishedBy,
        @Nullable Instant withdrawnAt) {

    public enum Kind {
        REPORT,
        DECISION,
        PLAN,
        DOCUMENT
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** To publish: a document publication names its document, the others carry their text. */
    @Serdeable
    public record Request(
            @NotNull Kind kind,
            @NotBlank @Size(max = 200) @PlainText String title,
            @Nullable @Size(max = 20000) String body,
            @Nullable UUID trajectId,
            @Nullable UUID documentId) {}
}
