package nl.samenspel.governance.signing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.db.Sql;

/** Plain SQL on signature requests, signatories and finals, in the caller's coalition-bound transaction. */
@Singleton
class SigningRepository {

    /** A request row, without its signatories. */
    record Row(
            UUID id,
            UUID documentId,
            String documentTitle,
            String documentSha256,
            String title,
            String message,
            SignatureRequest.Order order,
            Instant deadline,
            SignatureRequest.Status status,
            Instant createdAt,
            String createdBy,
            @Nullable Instant signedAt,
            @Nullable Instant endedAt,
            @Nullable String endedBy,
            @Nullable String endReason,
            @Nullable Instant remindedAt,
            int version) {}

    /** A signatory with the account to write to: the joint signatory, or null for any sole one. */
    record Slot(SignatureRequest.Signatory signatory, @Nullable UUID accountId) {}

    /** A current may-sign mandate of the caller. */
    record Mandate(UUID representativeId, UUID memberId, String memberName, boolean jointly) {}

    /** Someone who may act for a signatory: a current may-sign representative. */
    record Signer(UUID representativeId, UUID memberId, UUID accountId, String email, String name, boolean jointly) {}

    private static final String REQUEST_COLUMNS =
            """
            r.id, r.document_id, d.title AS document_title, d.sha256 AS document_sha256, r.title, r.message,
            r.signing_order, r.deadline, r.status, r.created_at, r.created_by, r.signed_at, r.ended_at, r.ended_by,
            r.end_reason, r.reminded_at, r.version
            FROM signature_request r JOIN document d ON d.coalition_id = r.coalition_id AND d.id = r.document_id""";

    private final TransactionOperations<Connection> transactions;

    SigningRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    private Sql sql() {
        return Sql.on(transactions.getConnection());
    }

    void insert(UUID coalitionId, Row r) {
        sql().update(
                        """
                INSERT INTO signature_request (coalition_id, id, document_id, title, message, signing_order, deadline,
                                               created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        r.id(),
                        r.documentId(),
                        r.title(),
                        r.message(),
                        r.order(),
                        r.deadline(),
                        r.createdAt(),
                        r.createdBy());
    }

    void insertSignatory(
            UUID coalitionId, UUID requestId, int position, int step, UUID memberId, @Nullable UUID representativeId) {
        sql().update(
                        """
                INSERT INTO signatory (coalition_id, request_id, position, step, member_id, representative_id)
                VALUES (?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        requestId,
                        position,
                        step,
                        memberId,
                        representativeId);
    }

    List<Row> all(UUID coalitionId) {
        return sql().list(
                        "SELECT " + REQUEST_COLUMNS + " WHERE r.coalition_id = ? ORDER BY r.created_at DESC, r.id",
                        SigningRepository::row,
                        coalitionId);
    }

    Optional<Row> find(UUID coalitionId, UUID id, boolean forUpdate) {
        return sql().one(
                        "SELECT " + REQUEST_COLUMNS + " WHERE r.coalition_id = ? AND r.id = ?"
                                + (forUpdate ? " FOR UPDATE OF r" : ""),
                        SigningRepository::row,
                        coalitionId,
                        id);
    }

    List<Slot> slots(UUID coalitionId, UUID requestId) {
        return sql().list(
                        """
                SELECT s.*, m.name AS member_name, a.display_name AS representative_name, p.account_id AS rep_account
                  FROM signatory s
                  JOIN member m ON m.coalition_id = s.coalition_id AND m.id = s.member_id
                  LEFT JOIN representative p ON p.coalition_id = s.coalition_id AND p.id = s.representative_id
                  LEFT JOIN account a ON a.id = p.account_id
                 WHERE s.coalition_id = ? AND s.request_id = ?
                 ORDER BY s.position""",
                        rs -> new Slot(
                                new SignatureRequest.Signatory(
                                        rs.getInt("position"),
                                        rs.getInt("step"),
                                        Sql.uuid(rs, "member_id"),
                                        rs.getString("member_name"),
                                        Sql.uuid(rs, "representative_id"),
                                        rs.getString("representative_name"),
                                        rs.getString("status"),
                                        Sql.instant(rs, "acted_at"),
                                        rs.getString("signer_name"),
                                        rs.getString("consent_text"),
                                        rs.getString("document_sha256"),
                                        rs.getString("decline_reason"),
                                        rs.getString("ip_address"),
                                        rs.getString("user_agent")),
                                Sql.uuid(rs, "rep_account")),
                        coalitionId,
                        requestId);
    }

    /** The caller's current may-sign mandates, for members that are members on that day. */
    List<Mandate> mandates(UUID coalitionId, UUID accountId, LocalDate day) {
        return sql().list(
                        """
                SELECT r.id, r.member_id, m.name, r.signs_jointly
                  FROM representative r JOIN member m ON m.coalition_id = r.coalition_id AND m.id = r.member_id
                 WHERE r.coalition_id = ? AND r.account_id = ? AND r.may_sign
                   AND r.valid_from <= ? AND (r.valid_until IS NULL OR r.valid_until > ?)
                   AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)""",
                        rs -> new Mandate(
                                Sql.uuid(rs, "id"),
                                Sql.uuid(rs, "member_id"),
                                rs.getString("name"),
                                rs.getBoolean("signs_jointly")),
                        coalitionId,
                        accountId,
                        day,
                        day,
                        day,
                        day);
    }

    /** Everyone who may sign for the member on that day. */
    List<Signer> signers(UUID coalitionId, UUID memberId, LocalDate day) {
        return sql().list(
                        """
                SELECT r.id, r.member_id, r.account_id, a.email, a.display_name, r.signs_jointly
                  FROM representative r JOIN account a ON a.id = r.account_id
                 WHERE r.coalition_id = ? AND r.member_id = ? AND r.may_sign
                   AND r.valid_from <= ? AND (r.valid_until IS NULL OR r.valid_until > ?)
                 ORDER BY a.display_name, r.id""",
                        rs -> new Signer(
                                Sql.uuid(rs, "id"),
                                Sql.uuid(rs, "member_id"),
                                Sql.uuid(rs, "account_id"),
                                rs.getString("email"),
                                rs.getString("display_name"),
                                rs.getBoolean("signs_jointly")),
                        coalitionId,
                        memberId,
                        day,
                        day);
    }

    /** Records a signature; the trigger {@code signatory_may_act} has the last word. */
    int sign(
            UUID coalitionId,
            UUID requestId,
            int position,
            Instant at,
            UUID accountId,
            String signerName,
            String ip,
            @Nullable String userAgent,
            String documentSha256,
            String consentText) {
        return sql().update(
                        """
                UPDATE signatory SET status = 'SIGNED', acted_at = ?, account_id = ?, signer_name = ?, ip_address = ?,
                                     user_agent = ?, document_sha256 = ?, consent_text = ?
                 WHERE coalition_id = ? AND request_id = ? AND position = ? AND status = 'PENDING'""",
                        at,
                        accountId,
                        signerName,
                        ip,
                        userAgent,
                        documentSha256,
                        consentText,
                        coalitionId,
                        requestId,
                        position);
    }

    int decline(
            UUID coalitionId, UUID requestId, int position, Instant at, UUID accountId, String name, String reason) {
        return sql().update(
                        """
                UPDATE signatory SET status = 'DECLINED', acted_at = ?, account_id = ?, signer_name = ?, decline_reason = ?
                 WHERE coalition_id = ? AND request_id = ? AND position = ? AND status = 'PENDING'""",
                        at,
                        accountId,
                        name,
                        reason,
                        coalitionId,
                        requestId,
                        position);
    }

    void markSigned(UUID coalitionId, UUID requestId, Instant at) {
        sql().update(
                        "UPDATE signature_request SET status = 'SEALING', signed_at = ?, version = version + 1"
                                + " WHERE coalition_id = ? AND id = ? AND status = 'OPEN'",
                        at,
                        coalitionId,
                        requestId);
    }

    /** Ends an open request as declined, cancelled or expired. */
    int end(
            UUID coalitionId,
            UUID requestId,
            SignatureRequest.Status status,
            Instant at,
            String by,
            @Nullable String reason) {
        return sql().update(
                        """
                UPDATE signature_request SET status = ?, ended_at = ?, ended_by = ?, end_reason = ?, version = version + 1
                 WHERE coalition_id = ? AND id = ? AND status = 'OPEN'""",
                        status,
                        at,
                        by,
                        reason,
                        coalitionId,
                        requestId);
    }

    void complete(UUID coalitionId, UUID requestId, Instant at) {
        sql().update(
                        "UPDATE signature_request SET status = 'COMPLETED', ended_at = ?, ended_by = 'samenspel',"
                                + " version = version + 1 WHERE coalition_id = ? AND id = ? AND status = 'SEALING'",
                        at,
                        coalitionId,
                        requestId);
    }

    void reminded(UUID coalitionId, UUID requestId, Instant at) {
        sql().update(
                        "UPDATE signature_request SET reminded_at = ? WHERE coalition_id = ? AND id = ?",
                        at,
                        coalitionId,
                        requestId);
    }

    /** Open requests whose deadline has passed, locked for the caller to end them. */
    List<UUID> overdue(UUID coalitionId, Instant now) {
        return sql().list(
                        """
                SELECT id FROM signature_request WHERE coalition_id = ? AND status = 'OPEN' AND deadline <= ?
                 FOR UPDATE SKIP LOCKED""",
                        rs -> Sql.uuid(rs, "id"),
                        coalitionId,
                        now);
    }

    /** Open requests due for their one reminder, locked. */
    List<UUID> toRemind(UUID coalitionId, Instant now, Instant before) {
        return sql().list(
                        """
                SELECT id FROM signature_request
                 WHERE coalition_id = ? AND status = 'OPEN' AND reminded_at IS NULL AND deadline > ? AND deadline <= ?
                 FOR UPDATE SKIP LOCKED""",
                        rs -> Sql.uuid(rs, "id"),
                        coalitionId,
                        now,
                        before);
    }

    void insertFinal(
            UUID coalitionId,
            UUID requestId,
            byte[] content,
            int pages,
            String sha256,
            String sealFingerprint,
            Instant at) {
        sql().update(
                        """
                INSERT INTO signed_document (coalition_id, request_id, content, size_bytes, pages, sha256,
                                             seal_fingerprint, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        requestId,
                        content,
                        content.length,
                        pages,
                        sha256,
                        sealFingerprint,
                        at);
        sql().update(
                        "INSERT INTO sealed_hash (sha256, coalition_id, request_id) VALUES (?, ?, ?)",
                        sha256,
                        coalitionId,
                        requestId);
    }

    Optional<SignatureRequest.Final> finalOf(UUID coalitionId, UUID requestId) {
        return sql().one(
                        "SELECT sha256, size_bytes, pages, created_at FROM signed_document"
                                + " WHERE coalition_id = ? AND request_id = ?",
                        rs -> new SignatureRequest.Final(
                                rs.getString("sha256"),
                                rs.getInt("size_bytes"),
                                rs.getInt("pages"),
                                Sql.instant(rs, "created_at")),
                        coalitionId,
                        requestId);
    }

    Optional<byte[]> finalContent(UUID coalitionId, UUID requestId) {
        return sql().one(
                        "SELECT content FROM signed_document WHERE coalition_id = ? AND request_id = ?",
                        rs -> rs.getBytes("content"),
                        coalitionId,
                        requestId);
    }

    /**
     * Platform lookup, outside any coalition: which final has this hash. The key is unique per coalition
     * (what a table distributed by coalition_id can enforce); a hash found in two coalitions, which would
     * take a SHA-256 collision, is owned by neither.
     */
    Optional<UUID[]> ownerOfHash(String sha256) {
        List<UUID[]> owners = sql().list(
                        "SELECT coalition_id, request_id FROM sealed_hash WHERE sha256 = ? LIMIT 2",
                        rs -> new UUID[] {Sql.uuid(rs, "coalition_id"), Sql.uuid(rs, "request_id")},
                        sha256);
        return owners.size() == 1 ? Optional.of(owners.get(0)) : Optional.empty();
    }

    /** The hashes of the request's audit events, oldest first, for the certificate. */
    List<String[]> auditHashes(UUID coalitionId, UUID requestId) {
        return sql().list(
                        """
                SELECT seq, action, hash FROM audit_event
                 WHERE coalition_id = ? AND entity_type = 'signature_request' AND entity_id = ? ORDER BY seq""",
                        rs -> new String[] {rs.getString("seq"), rs.getString("action"), rs.getString("hash")},
                        coalitionId,
                        requestId.toString());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "document_id"),
                rs.getString("document_title"),
                rs.getString("document_sha256"),
                rs.getString("title"),
                rs.getString("message"),
                SignatureRequest.Order.valueOf(rs.getString("signing_order")),
                Sql.instant(rs, "deadline"),
                SignatureRequest.Status.valueOf(rs.getString("status")),
                Sql.instant(rs, "created_at"),
                rs.getString("created_by"),
                Sql.instant(rs, "signed_at"),
                Sql.instant(rs, "ended_at"),
                rs.getString("ended_by"),
                rs.getString("end_reason"),
                Sql.instant(rs, "reminded_at"),
                rs.getInt("version"));
    }
}
