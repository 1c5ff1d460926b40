package nl.samenspel.core.audit;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * One link of a coalition's audit chain. {@code before} and {@code after} are canonical JSON (keys
 * sorted) so that the hash can be recomputed from the stored row alone.
 */
@Serdeable
public record AuditRecord(
        UUID coalitionId,
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String entityType,
        String entityId,
        String before,
        String after,
        String prevHash,
        String hash) {}
