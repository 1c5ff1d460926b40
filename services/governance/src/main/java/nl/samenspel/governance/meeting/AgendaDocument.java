package nl.samenspel.governance.meeting;

import java.time.Instant;
import java.util.UUID;

/** A document attached to an agenda item (vergaderstuk); its bytes are read separately. */
public record AgendaDocument(
        UUID id,
        UUID agendaItemId,
        String filename,
        String contentType,
        int sizeBytes,
        String sha256,
        Instant uploadedAt) {}
