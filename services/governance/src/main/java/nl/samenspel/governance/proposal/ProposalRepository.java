package nl.samenspel.governance.proposal;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.db.Sql;
import nl.samenspel.governance.statute.rules.DecisionType;

/** Plain SQL on proposals, votes, proxies and recusals in the caller's coalition-bound transaction. */
@Singleton
public class ProposalRepository {

    private final TransactionOperations<Connection> transactions;

    ProposalRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    private Sql sql() {
        return Sql.on(transactions.getConnection());
    }

    /** One numbering at a time per coalition. */
    public int nextNumber(UUID coalitionId) {
        sql().one(
                        "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                        rs -> rs.getObject(1),
                        "proposal-number:" + coalitionId);
        return sql().one(
                        "SELECT coalesce(max(number), 0) + 1 FROM proposal WHERE coalition_id = ?",
                        rs -> rs.getInt(1),
                        coalitionId)
                .orElse(1);
    }

    public void insert(Proposal p, String createdBy) {
        sql().update(
                        """
                INSERT INTO proposal (coalition_id, id, number, title, text, decision_type, body_id, mode, meeting_id,
                                      statute_version_id, votes_changeable, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        p.coalitionId(),
                        p.id(),
                        p.number(),
                        p.title(),
                        p.text(),
                        p.decisionType(),
                        p.bodyId(),
                        p.mode(),
                        p.meetingId(),
                        p.statuteVersionId(),
                        p.votesChangeable(),
                        createdBy);
    }

    public int updateDraft(Proposal p) {
        return sql().update(
                        """
                UPDATE proposal SET title = ?, text = ?, decision_type = ?, body_id = ?, mode = ?, meeting_id = ?,
                       statute_version_id = ?, votes_changeable = ?, version = version + 1
                 WHERE coalition_id = ? AND id = ? AND version = ? AND status = 'DRAFT'""",
                        p.title(),
                        p.text(),
                        p.decisionType(),
                        p.bodyId(),
                        p.mode(),
                        p.meetingId(),
                        p.statuteVersionId(),
                        p.votesChangeable(),
                        p.coalitionId(),
                        p.id(),
                        p.version());
    }

    public int open(UUID coalitionId, UUID id, int version, Instant at, Instant closesAt) {
        return sql().update(
                        """
                UPDATE proposal SET status = 'OPEN', opened_at = ?, closes_at = ?, version = version + 1
                 WHERE coalition_id = ? AND id = ? AND version = ? AND status = 'DRAFT'""",
                        at,
                        closesAt,
                        coalitionId,
                        id,
                        version);
    }

    /** Closes an open proposal with its outcome; 0 when it was not open (any more). */
    public int close(UUID coalitionId, UUID id, Instant at, Proposal.Outcome outcome, String resultJson) {
        return sql().update(
                        """
                UPDATE proposal SET status = 'CLOSED', closed_at = ?, outcome = ?, result = ?::jsonb, version = version + 1
                 WHERE coalition_id = ? AND id = ? AND status = 'OPEN'""",
                        at,
                        outcome,
                        resultJson,
                        coalitionId,
                        id);
    }

    public Optional<Proposal> find(UUID coalitionId, UUID id) {
        return sql().one(
                        "SELECT * FROM proposal WHERE coalition_id = ? AND id = ?",
                        ProposalRepository::proposal,
                        coalitionId,
                        id);
    }

    /** Locks the proposal row: votes wait (FOR SHARE in their trigger) until a close commits. */
    public Optional<Proposal> lock(UUID coalitionId, UUID id) {
        return sql().one(
                        "SELECT * FROM proposal WHERE coalition_id = ? AND id = ? FOR UPDATE",
                        ProposalRepository::proposal,
                        coalitionId,
                        id);
    }

    /** The validity record written at the close, as JSON. */
    public Optional<String> result(UUID coalitionId, UUID id) {
        return sql().one(
                        "SELECT result::text FROM proposal WHERE coalition_id = ? AND id = ? AND result IS NOT NULL",
                        rs -> rs.getString(1),
                        coalitionId,
                        id);
    }

    public List<Proposal> all(UUID coalitionId) {
        return sql().list(
                        "SELECT * FROM proposal WHERE coalition_id = ? ORDER BY number DESC",
                        ProposalRepository::proposal,
                        coalitionId);
    }

    private static Proposal proposal(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Proposal(
                Sql.uuid(rs, "coalition_id"),
                Sql.uuid(rs, "id"),
                rs.getInt("number"),
                rs.getString("title"),
                rs.getString("text"),
                DecisionType.valueOf(rs.getString("decision_type")),
                Sql.uuid(rs, "body_id"),
                Proposal.Mode.valueOf(rs.getString("mode")),
                Sql.uuid(rs, "meeting_id"),
                Sql.uuid(rs, "statute_version_id"),
                Proposal.Status.valueOf(rs.getString("status")),
                rs.getBoolean("votes_changeable"),
                Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "closes_at"),
                Sql.instant(rs, "closed_at"),
                outcome == null ? null : Proposal.Outcome.valueOf(outcome),
                rs.getInt("version"));
    }

    // --- votes

    public void insertVote(
            UUID coalitionId,
            UUID proposalId,
            UUID memberId,
            int revision,
            Vote.Choice choice,
            UUID castBy,
            Instant at,
            String idempotencyKey) {
        sql().update(
                        """
                INSERT INTO vote (coalition_id, proposal_id, member_id, revision, choice, cast_by, cast_at, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        proposalId,
                        memberId,
                        revision,
                        choice,
                        castBy,
                        at,
                        idempotencyKey);
    }

    /** Every member's vote that counts: its highest revision. */
    public List<Vote> currentVotes(UUID coalitionId, UUID proposalId) {
        return sql().list(
                        """
                SELECT DISTINCT ON (member_id) member_id, revision, choice, cast_by, cast_at FROM vote
                 WHERE coalition_id = ? AND proposal_id = ?
                 ORDER BY member_id, revision DESC""",
                        ProposalRepository::vote,
                        coalitionId,
                        proposalId);
    }

    public Optional<Vote> currentVote(UUID coalitionId, UUID proposalId, UUID memberId) {
        return sql().one(
                        """
                SELECT member_id, revision, choice, cast_by, cast_at FROM vote
                 WHERE coalition_id = ? AND proposal_id = ? AND member_id = ?
                 ORDER BY revision DESC LIMIT 1""",
                        ProposalRepository::vote,
                        coalitionId,
                        proposalId,
                        memberId);
    }

    /** The vote an earlier request with this key cast, if any. */
    public Optional<IdempotentVote> byIdempotencyKey(UUID coalitionId, UUID castBy, String key) {
        return sql().one(
                        """
                SELECT proposal_id, member_id, revision, choice, cast_by, cast_at FROM vote
                 WHERE coalition_id = ? AND cast_by = ? AND idempotency_key = ?""",
                        rs -> new IdempotentVote(Sql.uuid(rs, "proposal_id"), vote(rs)),
                        coalitionId,
                        castBy,
                        key);
    }

    public record IdempotentVote(UUID proposalId, Vote vote) {}

    private static Vote vote(ResultSet rs) throws SQLException {
        return new Vote(
                Sql.uuid(rs, "member_id"),
                rs.getInt("revision"),
                Vote.Choice.valueOf(rs.getString("choice")),
                Sql.uuid(rs, "cast_by"),
                Sql.instant(rs, "cast_at"));
    }

    // --- attachments

    public void insertAttachment(
            UUID coalitionId,
            UUID id,
            UUID proposalId,
            String filename,
            String contentType,
            byte[] content,
            String sha256,
            Instant at,
            String by) {
        sql().update(
                        """
                INSERT INTO proposal_attachment (coalition_id, id, proposal_id, filename, content_type, size_bytes,
                                                 sha256, content, uploaded_at, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        id,
                        proposalId,
                        filename,
                        contentType,
                        content.length,
                        sha256,
                        content,
                        at,
                        by);
    }

    /** The attachments' descriptions, oldest first; the bytes stay in the database until downloaded. */
    public List<ProposalResponse.AttachmentResponse> attachments(UUID coalitionId, UUID proposalId) {
        return sql().list(
                        """
                SELECT id, filename, content_type, size_bytes, sha256, uploaded_at FROM proposal_attachment
                 WHERE coalition_id = ? AND proposal_id = ? ORDER BY uploaded_at, filename, id""",
                        rs -> new ProposalResponse.AttachmentResponse(
                                Sql.uuid(rs, "id"),
                                rs.getString("filename"),
                                rs.getString("content_type"),
                                rs.getInt("size_bytes"),
                                rs.getString("sha256"),
                                Sql.instant(rs, "uploaded_at")),
                        coalitionId,
                        proposalId);
    }

    public Optional<byte[]> attachmentContent(UUID coalitionId, UUID proposalId, UUID id) {
        return sql().one(
                        "SELECT content FROM proposal_attachment WHERE coalition_id = ? AND proposal_id = ? AND id = ?",
                        rs -> rs.getBytes("content"),
                        coalitionId,
                        proposalId,
                        id);
    }

    public int deleteAttachment(UUID coalitionId, UUID proposalId, UUID id) {
        return sql().update(
                        "DELETE FROM proposal_attachment WHERE coalition_id = ? AND proposal_id = ? AND id = ?",
                        coalitionId,
                        proposalId,
                        id);
    }

    // --- proxies and recusals

    public record Proxy(UUID grantorId, UUID holderId, Vote.Choice instruction) {}

    public List<Proxy> proxies(UUID coalitionId, UUID proposalId) {
        return sql().list(
                        "SELECT grantor_id, holder_id, instruction FROM proxy WHERE coalition_id = ? AND proposal_id = ?"
                                + " ORDER BY granted_at",
                        rs -> new Proxy(
                                Sql.uuid(rs, "grantor_id"),
                                Sql.uuid(rs, "holder_id"),
                                rs.getString("instruction") == null
                                        ? null
                                        : Vote.Choice.valueOf(rs.getString("instruction"))),
                        coalitionId,
                        proposalId);
    }

    public void replaceProxy(
            UUID coalitionId,
            UUID proposalId,
            UUID grantorId,
            UUID holderId,
            Vote.Choice instruction,
            UUID by,
            Instant at) {
        sql().update(
                        "DELETE FROM proxy WHERE coalition_id = ? AND proposal_id = ? AND grantor_id = ?",
                        coalitionId,
                        proposalId,
                        grantorId);
        sql().update(
                        """
                INSERT INTO proxy (coalition_id, proposal_id, grantor_id, holder_id, instruction, granted_by, granted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        proposalId,
                        grantorId,
                        holderId,
                        instruction,
                        by,
                        at);
    }

    public record Recusal(UUID memberId, String reason, String declaredBy, Instant declaredAt) {}

    public List<Recusal> recusals(UUID coalitionId, UUID proposalId) {
        return sql().list(
                        "SELECT * FROM recusal WHERE coalition_id = ? AND proposal_id = ? ORDER BY declared_at",
                        rs -> new Recusal(
                                Sql.uuid(rs, "member_id"),
                                rs.getString("reason"),
                                rs.getString("declared_by"),
                                Sql.instant(rs, "declared_at")),
                        coalitionId,
                        proposalId);
    }

    public void insertRecusal(UUID coalitionId, UUID proposalId, UUID memberId, String reason, String by, Instant at) {
        sql().update(
                        """
                INSERT INTO recusal (coalition_id, proposal_id, member_id, reason, declared_by, declared_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        proposalId,
                        memberId,
                        reason,
                        by,
                        at);
    }

    /** The member the account may vote for today: its current may-vote mandate for a current member. */
    public Optional<UUID> votingMemberOf(UUID coalitionId, UUID accountId, java.time.LocalDate day) {
        return sql().one(
                        """
                SELECT r.member_id FROM representative r
                  JOIN member m ON m.coalition_id = r.coalition_id AND m.id = r.member_id
                 WHERE r.coalition_id = ? AND r.account_id = ? AND r.may_vote
                   AND r.valid_from <= ? AND (r.valid_until IS NULL OR r.valid_until > ?)
                   AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)""",
                        rs -> Sql.uuid(rs, "member_id"),
                        coalitionId,
                        accountId,
                        day,
                        day,
                        day,
                        day);
    }

    /**
     * Where the member an account votes for stands on a proposal, in one statement: which member (the
     * account's current may-vote mandate for a current member), whether it is entitled to vote in the
     * body on the day, whether it declared a conflict, and its current vote. Entitlement follows
     * {@code MeetingContext.voters}: a current voting seat, or any current member in a body that has
     * never had voting seats.
     */
    public Optional<Ballot> ballotOf(
            UUID coalitionId, UUID accountId, UUID proposalId, UUID bodyId, java.time.LocalDate day) {
        return sql().one(
                        """
                SELECT r.member_id,
                       (NOT EXISTS (SELECT 1 FROM body_seat s
                                     WHERE s.coalition_id = r.coalition_id AND s.body_id = ?
                                       AND s.votes AND s.member_id IS NOT NULL)
                        OR EXISTS (SELECT 1 FROM body_seat s
                                    WHERE s.coalition_id = r.coalition_id AND s.body_id = ?
                                      AND s.votes AND s.member_id = r.member_id
                                      AND s.term_from <= ? AND (s.term_until IS NULL OR s.term_until > ?))) AS eligible,
                       EXISTS (SELECT 1 FROM recusal x
                                WHERE x.coalition_id = r.coalition_id AND x.proposal_id = ?
                                  AND x.member_id = r.member_id) AS recused,
                       v.revision, v.choice, v.cast_by, v.cast_at
                  FROM representative r
                  JOIN member m ON m.coalition_id = r.coalition_id AND m.id = r.member_id
                  LEFT JOIN LATERAL (SELECT revision, choice, cast_by, cast_at FROM vote
                                      WHERE coalition_id = r.coalition_id AND proposal_id = ? AND member_id = r.member_id
                                      ORDER BY revision DESC LIMIT 1) v ON true
                 WHERE r.coalition_id = ? AND r.account_id = ? AND r.may_vote
                   AND r.valid_from <= ? AND (r.valid_until IS NULL OR r.valid_until > ?)
                   AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)""",
                        rs -> {
                            UUID member = Sql.uuid(rs, "member_id");
                            Vote current = rs.getString("choice") == null ? null : vote(rs);
                            return new Ballot(member, rs.getBoolean("eligible"), rs.getBoolean("recused"), current);
                        },
                        bodyId,
                        bodyId,
                        day,
                        day,
                        proposalId,
                        proposalId,
                        coalitionId,
                        accountId,
                        day,
                        day,
                        day,
                        day);
    }

    /** The member an account votes for, and where it stands on one proposal. */
    public record Ballot(
            UUID memberId, boolean eligible, boolean recused, @io.micronaut.core.annotation.Nullable Vote current) {}
}
