package nl.samenspel.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The SHA-256 hash chain over a coalition's audit events: each event hashes its own content and
 * the hash of the event before it, so changing, removing or reordering any stored event breaks every
 * link after it.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /**
     * Each field is length-prefixed, so no choice of field values can make two different events
     * produce the same byte string.
     */
    public static String hash(
            UUID coalitionId,
            long seq,
            Instant occurredAt,
            String actor,
            String action,
            String entityType,
            String entityId,
            String before,
            String after,
            String prevHash) {
        MessageDigest digest = sha256();
        digest.update(prefixed(coalitionId.toString(), Long.toString(seq)));
        digest.update(prefixed(truncate(occurredAt).toString(), actor, action, entityType, entityId, before, after));
        digest.update(prefixed(prevHash));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The fields as {@link #hash} digests them, each its UTF-8 length (-1 for null), a colon and its
     * bytes: what the database's {@code audit_append} is sent of the fields it does not make itself.
     */
    public static byte[] prefixed(String... fields) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String field : fields) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((field == null ? "-1" : Integer.toString(bytes.length)).getBytes(StandardCharsets.UTF_8));
            out.write(':');
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    public static String hashOf(AuditRecord r) {
        return hash(
                r.coalitionId(),
                r.seq(),
                r.occurredAt(),
                r.actor(),
                r.action(),
                r.entityType(),
                r.entityId(),
                r.before(),
                r.after(),
                r.prevHash());
    }

    /** PostgreSQL keeps microseconds; hash exactly what the database will give back. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Walks the events in order and reports the first one that does not fit the chain, then checks
     * that the chain reaches the recorded head: deleting the newest events leaves a chain that links
     * perfectly but ends too early.
     */
    public static Verification verify(List<AuditRecord> events, long headSeq, String headHash) {
        Verification links = verify(events);
        if (!links.intact()) {
            return links;
        }
        if (links.events() != headSeq || (headSeq > 0 && !links.headHash().equals(headHash))) {
            return Verification.broken(
                    events.size(),
                    Math.min(links.events(), headSeq) + 1,
                    "the chain ends at event " + links.events() + " but " + headSeq + " were recorded");
        }
        return links;
    }

    /** Walks the events in order and reports the first one that does not fit the chain. */
    public static Verification verify(List<AuditRecord> events) {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        for (AuditRecord event : events) {
            if (event.seq() != expectedSeq) {
                return Verification.broken(events.size(), expectedSeq, "event " + expectedSeq + " is missing");
            }
            if (!expectedPrev.equals(event.prevHash())) {
                return Verification.broken(
                        events.size(), event.seq(), "event " + event.seq() + " does not link to the event before it");
            }
            if (!hashOf(event).equals(event.hash())) {
                return Verification.broken(
                        events.size(), event.seq(), "event " + event.seq() + " was changed after it was written");
            }
            expectedPrev = event.hash();
            expectedSeq++;
        }
        return Verification.intact(events.size(), expectedPrev);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
