-- Appends one event to a coalition's audit chain in a single statement. Every writer of a coalition
-- queues on its head row, which it holds until its transaction commits; doing the append as one call
-- keeps a single round trip and no application code between taking that lock and the commit.
--
-- The hash is the chain's (nl.samenspel.core.audit.AuditChain.hash): SHA-256 over the length-prefixed
-- fields. The caller sends the bytes of every field it knows (p_before_seq: the coalition id;
-- p_after_seq: occurred_at to after_state), already length-prefixed; only the sequence number and the
-- previous hash are known here, under the lock. Row-level security applies as to any statement of the
-- caller (SECURITY INVOKER): the coalition must be the one the transaction is bound to.
CREATE FUNCTION audit_append(
    p_coalition   uuid,
    p_occurred_at timestamptz,
    p_actor       text,
    p_action      text,
    p_entity_type text,
    p_entity_id   text,
    p_before      text,
    p_after       text,
    p_before_seq  bytea,
    p_after_seq   bytea)
    RETURNS TABLE (seq bigint, prev_hash text, hash text)
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
DECLARE
    head_seq  bigint;
    head_hash text;
    next_seq  bigint;
    new_hash  text;
BEGIN
    SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_head h WHERE h.coalition_id = p_coalition FOR UPDATE;
    IF NOT FOUND THEN
        -- No event yet, so no row to lock: writers of a first event queue on an advisory lock and look
        -- again, since the one before them may have written the row meanwhile.
        PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || p_coalition, 0));
        SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_head h WHERE h.coalition_id = p_coalition FOR UPDATE;
        IF NOT FOUND THEN
            head_seq := 0;
            head_hash := repeat('0', 64);
        END IF;
    END IF;
    next_seq := head_seq + 1;
    new_hash := encode(sha256(
            p_before_seq
            || convert_to(length(next_seq::text) || ':' || next_seq, 'UTF8')
            || p_after_seq
            || convert_to('64:' || head_hash, 'UTF8')), 'hex');
    INSERT INTO audit_event (coalition_id, seq, occurred_at, actor, action, entity_type, entity_id,
                             before_state, after_state, prev_hash, hash)
    VALUES (p_coalition, next_seq, p_occurred_at, p_actor, p_action, p_entity_type, p_entity_id,
            p_before, p_after, head_hash, new_hash);
    INSERT INTO audit_head AS h (coalition_id, seq, hash) VALUES (p_coalition, next_seq, new_hash)
        ON CONFLICT (coalition_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
    RETURN QUERY SELECT next_seq, head_hash, new_hash;
END
$$;
